import { HeardConfig } from '@heard/config';
import { Preferences, verifyOptOutToken } from '@heard/customers';
import { Public, ValidationProblem } from '@heard/http';
import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoAuth } from '../../openapi/api-no-auth.decorator';
import { ApiProblems, MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { HEARD_CONFIG } from '../../platform/tokens';
import { GetPreferencesQuery } from '../preferences/get-preferences.query';
import { confirmPage, donePage, pageLanguageOf } from './opt-out-page';
import { OptOutCommand } from './opt-out.command';

const HTML = 'text/html; charset=utf-8';
const HTML_PAGE = { content: { 'text/html': { schema: { type: 'string' as const } } } };
const TOKEN_PROBLEMS = {
  ...MALFORMED_PATH,
  400: 'The token is not an opt-out token (malformed)',
  404: 'The token’s signature does not hold: no such link',
};

/** The signed link the notices carry: no login, the signature is the credential. */
@ApiTags('customers')
@ApiNoAuth()
@Public()
@Controller('v1')
export class OptOutLinkController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(HEARD_CONFIG) private readonly config: HeardConfig,
  ) {}

  @Get('opt-out/:token')
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'The page an opt-out link opens, in the customer’s language, asking to confirm',
    description:
      'No login: the link is signed. A GET changes nothing (mail scanners follow links); its button posts to the same link.',
  })
  @ApiOkResponse({ description: 'A page in ru, uk or en', ...HTML_PAGE })
  @ApiProblems(TOKEN_PROBLEMS)
  async page(@Param('token') token: string): Promise<string> {
    const claim = this.claimOf(token);
    const preferences = await this.queries.execute(new GetPreferencesQuery(claim.customerId));
    return confirmPage(pageLanguageOf(preferences.locale), encodeURIComponent(token));
  }

  @Post('opt-out/:token')
  @HttpCode(200)
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'One-click opt-out (RFC 8058) from a signed link: honoured at once',
    description:
      'No login. Takes `List-Unsubscribe=One-Click` as application/x-www-form-urlencoded, or no body. Records OptedOut, then answers a page in the customer’s language.',
  })
  @ApiOkResponse({ description: 'A page in ru, uk or en saying it is done', ...HTML_PAGE })
  @ApiProblems({ ...TOKEN_PROBLEMS, 413: 'The body is larger than the limit' })
  async oneClick(@Param('token') token: string): Promise<string> {
    const claim = this.claimOf(token);
    const command = new OptOutCommand(claim.customerId, claim.purpose, 'opt_out_link');
    const preferences: Preferences | null = await this.commands.execute(command);
    return donePage(pageLanguageOf(preferences?.locale ?? null));
  }

  private claimOf(token: string) {
    const check = verifyOptOutToken(this.config.optOutSecret, token);
    if (check.kind === 'malformed')
      throw new ValidationProblem([
        { field: 'token', rule: 'isOptOutToken', message: 'token is not an opt-out token' },
      ]);
    if (check.kind === 'forged') throw new NotFoundException('no such opt-out link');
    return check.claim;
  }
}
