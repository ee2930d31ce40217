import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, UNREADABLE_BODY } from '../openapi/api-problems.decorator';
import { HeaderWriter } from '../intake/http/response-header';
import { CancelImprovementRequest } from './cancel-improvement.request.dto';
import {
  ImprovementPageResponse,
  ImprovementResponse,
  LinkPreviewResponse,
  LinkResultResponse,
} from './improvement.response';
import { IMPROVEMENT_ROLES } from './improvement-roles';
import { ImprovementsService } from './improvements.service';
import { LinkFeedbackRequest } from './link-feedback.request.dto';
import { ListImprovementsRequest } from './list-improvements.request.dto';
import { ProposeImprovementRequest } from './propose-improvement.request.dto';
import { ShipImprovementRequest } from './ship-improvement.request.dto';

const ID = ApiParam({ name: 'id', example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' });

const CHANGE_PROBLEMS = {
  ...AUTH_PROBLEMS,
  ...UNREADABLE_BODY,
  403: 'Visible to the caller but not theirs to change (improvement.forbidden), or a role that may not',
  404: 'No such improvement, or not visible to the caller',
};

const LINK_PROBLEMS = {
  ...CHANGE_PROBLEMS,
  422: 'A feedback or case id the caller may not link (improvement.feedback_not_found, naming it), or words over too many items (improvement.criteria_too_broad)',
};

@ApiTags('improvements')
@ApiBearerAuth()
@Controller('v1/improvements')
@Roles(...IMPROVEMENT_ROLES)
export class ImprovementsController {
  constructor(private readonly improvements: ImprovementsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Propose an improvement',
    description:
      'cx_admin for any stores (none: every store); a regional manager for stores of their regions; a store manager for their stores.',
  })
  @ApiCreatedResponse({ type: ImprovementResponse, description: 'Location: /v1/improvements/{id}' })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...UNREADABLE_BODY,
    403: 'storeIds names a store outside the caller’s (improvement.stores_out_of_scope), or a role that may not',
    422: 'owner is not a manager or cx_admin in the directory (improvement.owner_unknown)',
  })
  async propose(
    @CurrentPrincipal() actor: Principal,
    @Body() body: ProposeImprovementRequest,
    @Res({ passthrough: true }) response: HeaderWriter,
  ): Promise<ImprovementResponse> {
    const improvement = await this.improvements.propose(actor, body);
    response.header('Location', `/v1/improvements/${improvement.improvementId}`);
    return improvement;
  }

  @Get()
  @ApiOperation({
    summary: 'Improvements the caller may see, newest first',
    description:
      'cx_admin sees all; managers those for any of their stores and those they own or proposed. Read from a list that trails the event log by a moment.',
  })
  @ApiOkResponse({ type: ImprovementPageResponse })
  @ApiProblems({ ...AUTH_PROBLEMS, 400: 'A filter, cursor or limit that breaks a rule' })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query() request: ListImprovementsRequest,
  ): Promise<ImprovementPageResponse> {
    return this.improvements.list(actor, request);
  }

  @Get(':id')
  @ID
  @ApiOperation({ summary: 'One improvement, from its stream' })
  @ApiOkResponse({ type: ImprovementResponse })
  @ApiProblems({ ...AUTH_PROBLEMS, 404: 'No such improvement, or not visible to the caller' })
  get(@CurrentPrincipal() actor: Principal, @Param('id') id: string): Promise<ImprovementResponse> {
    return this.improvements.get(actor, id);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ID
  @ApiOperation({ summary: 'Start work on it; starting a started one changes nothing' })
  @ApiOkResponse({ type: ImprovementResponse })
  @ApiProblems({
    ...CHANGE_PROBLEMS,
    409: 'It has shipped (improvement.shipped) or was cancelled (improvement.cancelled)',
  })
  start(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<ImprovementResponse> {
    return this.improvements.start(actor, id);
  }

  @Post(':id/ship')
  @HttpCode(200)
  @ID
  @ApiOperation({
    summary: 'Ship it: every linked customer who consented is told "you changed this"',
    description:
      'messages.en is required; ru and uk fall back to it. Shipping again with the same messages changes nothing.',
  })
  @ApiOkResponse({ type: ImprovementResponse })
  @ApiProblems({
    ...CHANGE_PROBLEMS,
    409: 'It was cancelled (improvement.cancelled), or shipped already with other messages (improvement.shipped)',
  })
  ship(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body() body: ShipImprovementRequest,
  ): Promise<ImprovementResponse> {
    return this.improvements.ship(actor, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ID
  @ApiOperation({
    summary: 'Cancel it: nobody is told; cancelling a cancelled one changes nothing',
  })
  @ApiOkResponse({ type: ImprovementResponse })
  @ApiProblems({
    ...CHANGE_PROBLEMS,
    409: 'It has shipped: its customers may already have been told (improvement.shipped)',
  })
  cancel(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body() body: CancelImprovementRequest,
  ): Promise<ImprovementResponse> {
    return this.improvements.cancel(actor, id, body);
  }

  @Post(':id/links')
  @HttpCode(200)
  @ID
  @ApiOperation({
    summary: 'Link feedback: by ids, by cases (their feedback), by criteria, or a mix',
    description:
      'Only feedback of the caller’s stores (cx_admin: any). Items linked before are not linked again. After shipping, the customers of newly linked items are told when linked.',
  })
  @ApiOkResponse({ type: LinkResultResponse })
  @ApiProblems({ ...LINK_PROBLEMS, 409: 'It was cancelled (improvement.cancelled)' })
  link(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body() body: LinkFeedbackRequest,
  ): Promise<LinkResultResponse> {
    return this.improvements.link(actor, id, body);
  }

  @Post(':id/links/preview')
  @HttpCode(200)
  @ID
  @ApiOperation({
    summary: 'How many feedback items and distinct customers a link would match; links nothing',
  })
  @ApiOkResponse({ type: LinkPreviewResponse })
  @ApiProblems(LINK_PROBLEMS)
  preview(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body() body: LinkFeedbackRequest,
  ): Promise<LinkPreviewResponse> {
    return this.improvements.preview(actor, id, body);
  }
}
