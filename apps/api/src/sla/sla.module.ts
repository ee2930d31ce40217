import { Module } from '@nestjs/common';
import { CalendarsController } from './calendars/calendars.http.controller';
import { GetCalendarHandler } from './calendars/get-calendar/get-calendar.handler';
import { PutCalendarHandler } from './calendars/put-calendar/put-calendar.handler';
import { GetSlaPoliciesHandler } from './policies/get-sla-policies/get-sla-policies.handler';
import { PublishSlaPoliciesHandler } from './policies/publish-sla-policies/publish-sla-policies.handler';
import { SlaPoliciesController } from './policies/sla-policies.http.controller';

const CONTROLLERS = [SlaPoliciesController, CalendarsController];
const COMMAND_HANDLERS = [PublishSlaPoliciesHandler, PutCalendarHandler];
const QUERY_HANDLERS = [GetSlaPoliciesHandler, GetCalendarHandler];

/** SLA policies and business calendars: set by CX admins, the policies read by region leads too. */
@Module({
  controllers: CONTROLLERS,
  providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class SlaModule {}
