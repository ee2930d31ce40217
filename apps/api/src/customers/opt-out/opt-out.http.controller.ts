import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, UNREADABLE_BODY } from '../../openapi/api-problems.decorator';
import { presentPreferences, PreferencesResponse } from '../preferences/preferences.response.dto';
import { OptOutCommand } from './opt-out.command';
import { OptOutRequest } from './opt-out.request.dto';

/** A logged-in customer opting out. */
@ApiTags('customers')
@Controller('v1')
export class OptOutController {
  constructor(private readonly commands: CommandBus) {}

  @Post('me/opt-out')
  @Roles('customer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Withdraw consent, for one purpose or every one; honoured at once',
    description: 'Records OptedOut on customer-<id> before it answers.',
  })
  @ApiOkResponse({ type: PreferencesResponse, description: 'The preferences as they now stand' })
  @ApiProblems({ ...AUTH_PROBLEMS, ...UNREADABLE_BODY, 403: 'The caller is not a customer' })
  async optOut(
    @Body() body: OptOutRequest,
    @CurrentPrincipal() customer: Principal,
  ): Promise<PreferencesResponse> {
    const command = new OptOutCommand(customer.id, body.purpose ?? null, 'opt_out');
    return presentPreferences(customer.id, await this.commands.execute(command));
  }
}
