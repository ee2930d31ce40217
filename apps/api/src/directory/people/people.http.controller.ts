import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AUTH_PROBLEMS, MALFORMED_PATH } from '../../openapi/api-problems.decorator';
import { ApiDirectoryWriteErrors } from '../shared/directory-error.responses';
import { DIRECTORY_READERS, DIRECTORY_WRITERS } from '../shared/directory-roles';
import { orNotFound } from '../shared/or-not-found';
import { GetPersonQuery } from './get-person/get-person.query';
import { PersonResponse, presentPerson } from './person.response';
import { PutPersonCommand } from './put-person/put-person.command';
import { PutPersonRequest } from './put-person/put-person.request.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/people')
export class PeopleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':id')
  @Roles(...DIRECTORY_WRITERS)
  @ApiOperation({ summary: 'Create or replace a person; an unchanged one is answered as it is' })
  @ApiOkResponse({ type: PersonResponse, description: 'The person as they now stand' })
  @ApiDirectoryWriteErrors()
  async put(
    @Param('id') personId: string,
    @Body() body: PutPersonRequest,
    @CurrentPrincipal() actor: Principal,
  ): Promise<PersonResponse> {
    const person = {
      personId,
      name: body.name,
      roles: body.roles,
      locale: body.locale,
      ...(body.email === undefined ? {} : { email: body.email }),
    };
    return presentPerson(await this.commands.execute(new PutPersonCommand(person, actor)));
  }

  @Get(':id')
  @Roles(...DIRECTORY_READERS)
  @ApiOperation({ summary: 'A person of staff' })
  @ApiOkResponse({ type: PersonResponse })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...MALFORMED_PATH,
    403: 'The caller is neither cx_admin nor regional_manager',
    404: 'No person has this id',
  })
  async get(@Param('id') personId: string): Promise<PersonResponse> {
    const entry = await this.queries.execute(new GetPersonQuery(personId));
    return presentPerson(orNotFound(entry, `person ${personId}`));
  }
}
