import { ESCALATION_TARGET_KINDS, EscalationTarget } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { IsDirectoryId } from '../../directory/shared/directory-field.validators';

/** Who a breached case goes to: the store's manager, the region's lead, a person, a team or the CX admins. */
export class EscalationTargetDto {
  @ApiProperty({ example: 'region_lead', enum: ESCALATION_TARGET_KINDS })
  @IsIn(ESCALATION_TARGET_KINDS)
  kind!: EscalationTarget['kind'];

  @ApiProperty({
    example: 'RM-1',
    required: false,
    description: 'Required when kind is person: a person in the directory (422 otherwise)',
  })
  @ValidateIf((to: EscalationTargetDto) => to.kind === 'person')
  @IsDirectoryId()
  personId?: string;

  @ApiProperty({
    example: 'T-cx',
    required: false,
    description: 'Required when kind is team: a team in the directory (422 otherwise)',
  })
  @ValidateIf((to: EscalationTargetDto) => to.kind === 'team')
  @IsDirectoryId()
  teamId?: string;
}
