import { Module } from '@nestjs/common';
import { GetPersonHandler } from './people/get-person/get-person.handler';
import { PeopleController } from './people/people.http.controller';
import { PutPersonHandler } from './people/put-person/put-person.handler';
import { GetRegionHandler } from './regions/get-region/get-region.handler';
import { PutRegionHandler } from './regions/put-region/put-region.handler';
import { RegionsController } from './regions/regions.http.controller';
import { GetStoreHandler } from './stores/get-store/get-store.handler';
import { PutStoreHandler } from './stores/put-store/put-store.handler';
import { StoresController } from './stores/stores.http.controller';
import { GetTeamHandler } from './teams/get-team/get-team.handler';
import { PutTeamHandler } from './teams/put-team/put-team.handler';
import { TeamsController } from './teams/teams.http.controller';

const CONTROLLERS = [RegionsController, StoresController, TeamsController, PeopleController];

const COMMAND_HANDLERS = [PutRegionHandler, PutStoreHandler, PutTeamHandler, PutPersonHandler];

const QUERY_HANDLERS = [GetRegionHandler, GetStoreHandler, GetTeamHandler, GetPersonHandler];

/** Regions, stores, teams and people: written by CX admins, read by region leads. */
@Module({
  controllers: CONTROLLERS,
  providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class DirectoryModule {}
