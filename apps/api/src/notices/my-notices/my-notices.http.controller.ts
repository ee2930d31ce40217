import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { MarkNoticeReadCommand } from '../mark-read/mark-read.command';
import { NoticePageRequest } from '../shared/notice-page.request.dto';
import { FeedPageResponse, ReadNoticeResponse } from './feed-item.response';
import { MyNoticesQuery } from './my-notices.query';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('v1/me/notices')
export class MyNoticesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Roles('customer')
  @ApiOperation({
    summary: "The calling customer's in-app feed: every notice sent to them, newest first",
    description:
      'Rendered now from what each notice refers to, in the customer’s language; from a read model, so a notice appears moments after it is sent.',
  })
  @ApiOkResponse({ type: FeedPageResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    400: 'A cursor or limit that breaks a rule',
    403: 'The caller is not a customer',
  })
  list(
    @Query() query: NoticePageRequest,
    @CurrentPrincipal() customer: Principal,
  ): Promise<FeedPageResponse> {
    return this.queries.execute(new MyNoticesQuery(customer.id, query.cursor, query.limit));
  }

  @Post(':id/read')
  @Roles('customer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark one of the calling customer’s notices read',
    description: 'Records NoticeRead once; marking it again answers the same readAt.',
  })
  @ApiOkResponse({ type: ReadNoticeResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'The caller is not a customer',
    404: 'No such notice in the caller’s feed (another’s, or not sent yet)',
    409: 'The notice changed meanwhile; try again',
    422: 'id is not a notice id',
  })
  read(
    @Param('id') noticeId: string,
    @CurrentPrincipal() customer: Principal,
  ): Promise<ReadNoticeResponse> {
    return this.commands.execute(new MarkNoticeReadCommand(customer.id, noticeId));
  }
}
