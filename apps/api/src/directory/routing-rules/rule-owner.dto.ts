import { RuleOwner } from '@heard/directory';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { IsDirectoryId } from '../shared/directory-field.validators';

const OWNER_KINDS = [
  'store_manager',
  'person',
  'team',
] as const satisfies readonly RuleOwner['kind'][];

/** Who takes a matched case: the store's manager, a named person, or the least-loaded team member. */
export class RuleOwnerDto {
  @ApiProperty({
    example: 'team',
    enum: OWNER_KINDS,
    description: 'store_manager is not allowed for defaultOwner: a store’s manager can be vacant',
  })
  @IsIn(OWNER_KINDS)
  kind!: RuleOwner['kind'];

  @ApiProperty({ example: 'M-42', required: false, description: 'Required when kind is person' })
  @ValidateIf((owner: RuleOwnerDto) => owner.kind === 'person')
  @IsDirectoryId()
  personId?: string;

  @ApiProperty({ example: 'T-cx', required: false, description: 'Required when kind is team' })
  @ValidateIf((owner: RuleOwnerDto) => owner.kind === 'team')
  @IsDirectoryId()
  teamId?: string;
}
