import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  AUTH_PROBLEMS,
  MALFORMED_PATH,
  UNREADABLE_BODY,
} from '../../openapi/api-problems.decorator';
import { GetPreferencesQuery } from './get-preferences.query';
import { PutPreferencesRequest } from './preferences.request.dto';
import { PreferencesResponse } from './preferences.response.dto';
import { PutPreferencesCommand } from './put-preferences.command';

const PUT_PROBLEMS = {
  ...AUTH_PROBLEMS,
  ...UNREADABLE_BODY,
  400: 'The body is not valid JSON, or a field breaks a rule (e-mail, E.164, BCP 47, IANA zone, HH:mm): `errors` names each field and rule',
};

/** The customer's own preferences, and the same for cx_admin and integrations by customer id. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1')
export class PreferencesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('me/preferences')
  @Roles('customer')
  @ApiOperation({ summary: "The calling customer's channels, locale, consents and quiet hours" })
  @ApiOkResponse({ type: PreferencesResponse })
  @ApiProblems({ ...AUTH_PROBLEMS, 403: 'The caller is not a customer' })
  getMine(@CurrentPrincipal() customer: Principal): Promise<PreferencesResponse> {
    return this.queries.execute(new GetPreferencesQuery(customer.id));
  }

  @Put('me/preferences')
  @Roles('customer')
  @ApiOperation({
    summary: "Replace the calling customer's preferences; consents left out stay as they are",
    description:
      'Records ContactPreferencesSet on customer-<id> (addresses sealed under the customer’s key); the same preferences again record nothing.',
  })
  @ApiOkResponse({ type: PreferencesResponse, description: 'The preferences as they now stand' })
  @ApiProblems({ ...PUT_PROBLEMS, 403: 'The caller is not a customer' })
  putMine(
    @Body() body: PutPreferencesRequest,
    @CurrentPrincipal() customer: Principal,
  ): Promise<PreferencesResponse> {
    return this.commands.execute(new PutPreferencesCommand(customer.id, body, customer));
  }

  @Get('customers/:id/preferences')
  @Roles('cx_admin', 'integration')
  @ApiOperation({ summary: "A customer's channels, locale, consents and quiet hours" })
  @ApiOkResponse({ type: PreferencesResponse, description: 'None recorded: empty' })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'The caller is neither cx_admin nor an integration',
    422: 'id is not a customer id',
  })
  get(@Param('id') customerId: string): Promise<PreferencesResponse> {
    return this.queries.execute(new GetPreferencesQuery(customerId));
  }

  @Put('customers/:id/preferences')
  @Roles('cx_admin', 'integration')
  @ApiOperation({
    summary: "Replace a customer's preferences; consents left out stay as they are",
  })
  @ApiOkResponse({ type: PreferencesResponse, description: 'The preferences as they now stand' })
  @ApiProblems({
    ...PUT_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'The caller is neither cx_admin nor an integration',
    422: 'id is not a customer id',
  })
  put(
    @Param('id') customerId: string,
    @Body() body: PutPreferencesRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PreferencesResponse> {
    return this.commands.execute(new PutPreferencesCommand(customerId, body, actor));
  }
}
