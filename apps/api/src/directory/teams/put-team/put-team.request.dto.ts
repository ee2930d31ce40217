import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { IsDirectoryId, IsDisplayName } from '../../shared/directory-field.validators';

export class PutTeamRequest {
  @ApiProperty({ example: 'Customer care', maxLength: 200 })
  @IsDisplayName()
  name!: string;

  @ApiProperty({
    example: ['A-1', 'A-2'],
    type: [String],
    description: 'People who exist; a set, so order and duplicates do not matter',
  })
  @IsArray()
  // A team is a routing target, not a mailing list; the bound keeps one event small.
  @ArrayMaxSize(1000)
  @IsDirectoryId({ each: true })
  memberIds!: string[];

  @ApiProperty({ example: 'cx', description: 'Key of the work queue the team’s cases wait in' })
  @IsDirectoryId()
  queue!: string;
}
