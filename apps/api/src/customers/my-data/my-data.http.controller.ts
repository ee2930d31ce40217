import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS } from '../../openapi/api-problems.decorator';
import { MyDataQuery } from './my-data.query';
import { MyDataResponse } from './my-data.response.dto';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/me')
export class MyDataController {
  constructor(private readonly queries: QueryBus) {}

  @Get('data')
  @Roles('customer')
  @ApiOperation({
    summary: 'Everything Heard holds about the caller, as one JSON document',
    description:
      'Feedback with cases and public replies, cases, preferences, consents and notices (with where each stands). From the read models: a submission appears within moments.',
  })
  @ApiOkResponse({ type: MyDataResponse })
  @ApiProblems({ ...AUTH_PROBLEMS, 403: 'The caller is not a customer' })
  get(@CurrentPrincipal() customer: Principal): Promise<MyDataResponse> {
    return this.queries.execute(new MyDataQuery(customer));
  }
}
