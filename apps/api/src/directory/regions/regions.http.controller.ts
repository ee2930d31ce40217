import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { ApiDirectoryWriteErrors } from '../shared/directory-error.responses';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from '../shared/directory-roles';
import { orNotFound } from '../shared/or-not-found';
import { GetRegionQuery } from './get-region/get-region.query';
import { PutRegionCommand } from './put-region/put-region.command';
import { PutRegionRequest } from './put-region/put-region.request.dto';
import { presentRegion, RegionResponse } from './region.response';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/regions')
export class RegionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':id')
  @Roles(...DIRECTORY_WRITERS)
  @ApiOperation({ summary: 'Create or replace a region; an unchanged one is answered as it is' })
  @ApiOkResponse({ type: RegionResponse, description: 'The region as it now stands' })
  @ApiDirectoryWriteErrors()
  async put(
    @Param('id') regionId: string,
    @Body() body: PutRegionRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<RegionResponse> {
    const region = { regionId, name: body.name, leadId: body.leadId ?? null };
    return presentRegion(await this.commands.execute(new PutRegionCommand(region, actor)));
  }

  @Get(':id')
  @Roles(...DIRECTORY_READERS)
  @ApiOperation({ summary: 'A region' })
  @ApiOkResponse({ type: RegionResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'The caller is neither cx_admin nor regional_manager',
    404: 'No region has this id',
  })
  async get(@Param('id') regionId: string): Promise<RegionResponse> {
    const entry = await this.queries.execute(new GetRegionQuery(regionId));
    return presentRegion(orNotFound(entry, `region ${regionId}`));
  }
}
