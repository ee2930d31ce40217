import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { orNotFound } from '../../directory/shared/or-not-found';
import { MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { ApiCalendarReadErrors, ApiSlaConfigWriteErrors } from '../shared/sla-error.responses';
import { SLA_CONFIG_WRITERS } from '../shared/sla-roles';
import { CalendarResponse, presentCalendar } from './calendar.response';
import { GetCalendarQuery } from './get-calendar/get-calendar.query';
import { PutCalendarCommand } from './put-calendar/put-calendar.command';
import { PutCalendarRequest } from './put-calendar/put-calendar.request.dto';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/calendars')
export class CalendarsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':id')
  @Roles(...SLA_CONFIG_WRITERS)
  @ApiOperation({
    summary: 'Create or replace a business calendar; an unchanged one is answered as it is',
  })
  @ApiOkResponse({ type: CalendarResponse, description: 'The calendar as it now stands' })
  @ApiSlaConfigWriteErrors({
    ...MALFORMED_PATH,
    422: 'The calendar id in the path is not an id (`sla.invalid_id`)',
  })
  async put(
    @Param('id') calendarId: string,
    @Body() body: PutCalendarRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CalendarResponse> {
    const calendar = {
      timeZone: body.timeZone,
      week: { ...body.week },
      specialDays: body.specialDays?.map((day) => ({ ...day })),
    };
    const command = new PutCalendarCommand(calendarId, calendar, actor);
    return presentCalendar(await this.commands.execute(command));
  }

  @Get(':id')
  @Roles(...SLA_CONFIG_WRITERS)
  @ApiOperation({ summary: 'A business calendar and its version' })
  @ApiOkResponse({ type: CalendarResponse })
  @ApiCalendarReadErrors()
  async get(@Param('id') calendarId: string): Promise<CalendarResponse> {
    const entry = await this.queries.execute(new GetCalendarQuery(calendarId));
    return presentCalendar(orNotFound(entry, `calendar ${calendarId}`));
  }
}
