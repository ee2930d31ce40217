import { Module } from '@nestjs/common';
import { CalendarsController } from './calendars/calendars.http.controller';
import { GetCalendarHandler } from './calendars/get-calendar/get-calendar.handler';
import { PutCalendarHandler } from './calendars/put-calendar/put-calendar.handler';
import { GetSlaComplianceHandler } from './compliance/get-sla-compliance.handler';
import { SlaComplianceController } from './compliance/sla-compliance.http.controller';
import { SlaWhatIfHandler } from './compliance/sla-what-if.handler';
import { GetSlaPoliciesHandler } from './policies/get-sla-policies/get-sla-policies.handler';
import { PublishSlaPoliciesHandler } from './policies/publish-sla-policies/publish-sla-policies.handler';
import { SlaPoliciesController } from './policies/sla-policies.http.controller';

const CONTROLLERS = [SlaPoliciesController, CalendarsController, SlaComplianceController];
const COMMAND_HANDLERS = [PublishSlaPoliciesHandler, PutCalendarHandler];
const QUERY_HANDLERS = [
  GetSlaPoliciesHandler,
  GetCalendarHandler,
  GetSlaComplianceHandler,
  SlaWhatIfHandler,
];

/**
 * SLA policies and business calendars: set by CX admins, the policies read by region leads too;
 * compliance and what-if reports for both.
 */
@Module({
  controllers: CONTROLLERS,
  providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class SlaModule {}
