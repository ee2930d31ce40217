import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { ApiDirectoryWriteErrors } from '../shared/directory-error.responses';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from '../shared/directory-roles';
import { orNotFound } from '../shared/or-not-found';
import { GetStoreQuery } from './get-store/get-store.query';
import { PutStoreCommand } from './put-store/put-store.command';
import { PutStoreRequest } from './put-store/put-store.request.dto';
import { presentStore, StoreResponse } from './store.response';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/stores')
export class StoresController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':id')
  @Roles(...DIRECTORY_WRITERS)
  @ApiOperation({ summary: 'Create or replace a store; an unchanged one is answered as it is' })
  @ApiOkResponse({ type: StoreResponse, description: 'The store as it now stands' })
  @ApiDirectoryWriteErrors()
  async put(
    @Param('id') storeId: string,
    @Body() body: PutStoreRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<StoreResponse> {
    const store = {
      storeId,
      name: body.name,
      regionId: body.regionId ?? null,
      timezone: body.timezone,
      managerId: body.managerId ?? null,
      calendarId: body.calendarId ?? null,
    };
    return presentStore(await this.commands.execute(new PutStoreCommand(store, actor)));
  }

  @Get(':id')
  @Roles(...DIRECTORY_READERS)
  @ApiOperation({ summary: 'A store' })
  @ApiOkResponse({ type: StoreResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'The caller is neither cx_admin nor regional_manager',
    404: 'No store has this id',
  })
  async get(@Param('id') storeId: string): Promise<StoreResponse> {
    const entry = await this.queries.execute(new GetStoreQuery(storeId));
    return presentStore(orNotFound(entry, `store ${storeId}`));
  }
}
