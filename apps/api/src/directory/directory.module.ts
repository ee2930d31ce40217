import { Module } from '@nestjs/common';
import { GetPersonHandler } from './people/get-person/get-person.handler';
import { PeopleController } from './people/people.http.controller';
import { PutPersonHandler } from './people/put-person/put-person.handler';
import { GetRegionHandler } from './regions/get-region/get-region.handler';
import { PutRegionHandler } from './regions/put-region/put-region.handler';
import { RegionsController } from './regions/regions.http.controller';
import { GetRoutingRulesHandler } from './routing-rules/get-routing-rules/get-routing-rules.handler';
import { PublishRoutingRulesHandler } from './routing-rules/publish-routing-rules/publish-routing-rules.handler';
import { RoutingRulesController } from './routing-rules/routing-rules.http.controller';
import { GetStoreHandler } from './stores/get-store/get-store.handler';
import { PutStoreHandler } from './stores/put-store/put-store.handler';
import { StoresController } from './stores/stores.http.controller';
import { GetTeamHandler } from './teams/get-team/get-team.handler';
import { PutTeamHandler } from './teams/put-team/put-team.handler';
import { TeamsController } from './teams/teams.http.controller';

const CONTROLLERS = [
  RegionsController,
  StoresController,
  TeamsController,
  PeopleController,
  RoutingRulesController,
];

const COMMAND_HANDLERS = [
  PutRegionHandler,
  PutStoreHandler,
  PutTeamHandler,
  PutPersonHandler,
  PublishRoutingRulesHandler,
];

const QUERY_HANDLERS = [
  GetRegionHandler,
  GetStoreHandler,
  GetTeamHandler,
  GetPersonHandler,
  GetRoutingRulesHandler,
];

/** Regions, stores, teams, people and routing rules: written by CX admins, read by region leads. */
@Module({
  controllers: CONTROLLERS,
  providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
})
export class DirectoryModule {}
