import { Module } from '@nestjs/common';
import { AcknowledgeCaseHandler } from './acknowledge/acknowledge-case.handler';
import { AcknowledgeCaseController } from './acknowledge/acknowledge-case.http.controller';
import { AddNoteHandler } from './add-note/add-note.handler';
import { AddNoteController } from './add-note/add-note.http.controller';
import { AssignCaseHandler } from './assign/assign-case.handler';
import { AssignCaseController } from './assign/assign-case.http.controller';
import { AwaitCustomerHandler } from './await-customer/await-customer.handler';
import { AwaitCustomerController } from './await-customer/await-customer.http.controller';
import { ChangePriorityHandler } from './change-priority/change-priority.handler';
import { ChangePriorityController } from './change-priority/change-priority.http.controller';
import { CloseCaseHandler } from './close/close-case.handler';
import { CloseCaseController } from './close/close-case.http.controller';
import { EscalateCaseHandler } from './escalate/escalate-case.handler';
import { EscalateCaseController } from './escalate/escalate-case.http.controller';
import { GetCaseHandler } from './get-case/get-case.handler';
import { GetCaseController } from './get-case/get-case.http.controller';
import { ListCasesHandler } from './list-cases/list-cases.handler';
import { ListCasesController } from './list-cases/list-cases.http.controller';
import { MyAssignmentsHandler } from './my-assignments/my-assignments.handler';
import { MyAssignmentsController } from './my-assignments/my-assignments.http.controller';
import { RecategorizeCaseHandler } from './recategorize/recategorize-case.handler';
import { RecategorizeCaseController } from './recategorize/recategorize-case.http.controller';
import { ReopenCaseHandler } from './reopen/reopen-case.handler';
import { ReopenCaseController } from './reopen/reopen-case.http.controller';
import { ResolveCaseHandler } from './resolve/resolve-case.handler';
import { ResolveCaseController } from './resolve/resolve-case.http.controller';
import { ResumeCaseHandler } from './resume/resume-case.handler';
import { ResumeCaseController } from './resume/resume-case.http.controller';
import { SendReplyHandler } from './send-reply/send-reply.handler';
import { SendReplyController } from './send-reply/send-reply.http.controller';
import { CaseAccess } from './shared/case-access';
import { CaseActions } from './shared/case-actions.service';
import { slaSourcesProvider } from './shared/sla-sources.provider';

const QUERY_CONTROLLERS = [ListCasesController, GetCaseController, MyAssignmentsController];

const ACTION_CONTROLLERS = [
  AcknowledgeCaseController,
  AddNoteController,
  SendReplyController,
  AwaitCustomerController,
  ResumeCaseController,
  ChangePriorityController,
  RecategorizeCaseController,
  AssignCaseController,
  EscalateCaseController,
  ResolveCaseController,
  ReopenCaseController,
  CloseCaseController,
];

const QUERY_HANDLERS = [ListCasesHandler, GetCaseHandler, MyAssignmentsHandler];

const COMMAND_HANDLERS = [
  AcknowledgeCaseHandler,
  AddNoteHandler,
  SendReplyHandler,
  AwaitCustomerHandler,
  ResumeCaseHandler,
  ChangePriorityHandler,
  RecategorizeCaseHandler,
  AssignCaseHandler,
  EscalateCaseHandler,
  ResolveCaseHandler,
  ReopenCaseHandler,
  CloseCaseHandler,
];

/** Case work: the list, one case with its timeline, my assignments, and every action on a case. */
@Module({
  controllers: [...QUERY_CONTROLLERS, ...ACTION_CONTROLLERS],
  providers: [CaseAccess, CaseActions, slaSourcesProvider, ...QUERY_HANDLERS, ...COMMAND_HANDLERS],
})
export class CasesModule {}
