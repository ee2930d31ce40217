import { Module } from '@nestjs/common';
import { GetFeedbackController } from './get-feedback/get-feedback.http.controller';
import { GetFeedbackHandler } from './get-feedback/get-feedback.handler';
import { MyFeedbackController } from './my-feedback/my-feedback.http.controller';
import { MyFeedbackHandler } from './my-feedback/my-feedback.handler';
import { SubmitBatchController } from './submit-batch/submit-batch.http.controller';
import { SubmitBatchHandler } from './submit-batch/submit-batch.handler';
import { SubmitFeedbackController } from './submit-feedback/submit-feedback.http.controller';
import { SubmitFeedbackHandler } from './submit-feedback/submit-feedback.handler';

/** Batch first: Express matches routes in order, and `batch` must not be read as an `:id`. */
const CONTROLLERS = [
  SubmitBatchController,
  SubmitFeedbackController,
  GetFeedbackController,
  MyFeedbackController,
];
const COMMAND_HANDLERS = [SubmitFeedbackHandler, SubmitBatchHandler];
const QUERY_HANDLERS = [GetFeedbackHandler, MyFeedbackHandler];

/** Feedback intake over HTTP: submit one or a batch, read one back, a customer's own history. */
@Module({
  controllers: CONTROLLERS,
  providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class IntakeModule {}
