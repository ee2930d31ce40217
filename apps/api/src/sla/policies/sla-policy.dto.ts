import { MAX_ESCALATION_LEVELS } from '@heard/sla';
import { BoundedArray } from '@heard/http';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { IsDirectoryId, IsDisplayName } from '../../directory/shared/directory-field.validators';
import { IsWarnShare } from '../shared/sla-field.validators';
import { EscalationLevelDto } from './escalation-level.dto';
import { PolicyMatchDto } from './policy-match.dto';
import { PolicyTargetsDto } from './policy-targets.dto';

export class SlaPolicyDto {
  @ApiProperty({
    example: 'urgent-complaints',
    description: 'Unique in the list, the default included; a case records it, so keep it stable',
  })
  @IsDirectoryId()
  policyId!: string;

  @ApiProperty({ example: 'Urgent complaints', maxLength: 200 })
  @IsDisplayName()
  name!: string;

  @ApiProperty({
    type: () => PolicyMatchDto,
    required: false,
    example: { priorities: ['urgent'], kinds: ['complaint'] },
    description:
      'Absent: the policy matches every case. The default policy must leave it out. Stores and regions must be in the directory (422 otherwise)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyMatchDto)
  match?: PolicyMatchDto;

  @ApiProperty({
    type: () => PolicyTargetsDto,
    example: {
      firstResponse: { duration: 'PT15M', calendar: '24x7' },
      resolution: { duration: 'PT4H', calendar: 'business' },
    },
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => PolicyTargetsDto)
  targets!: PolicyTargetsDto;

  @ApiProperty({
    example: 0.8,
    required: false,
    description: 'Share of a target after which it warns, above 0 and below 1; default 0.8',
  })
  @IsOptional()
  @IsWarnShare()
  warnAt?: number;

  @ApiProperty({
    type: () => [EscalationLevelDto],
    required: false,
    maxItems: MAX_ESCALATION_LEVELS,
    example: [
      {
        to: { kind: 'region_lead' },
        mode: 'owner',
        target: { duration: 'PT24H', calendar: '24x7' },
      },
      {
        to: { kind: 'cx_admins' },
        mode: 'watcher',
        target: { duration: 'PT24H', calendar: '24x7' },
      },
    ],
    description:
      'Climbed one level per breach, in order; stops after the last. Naming the same person, team or role twice is refused (400 sla.escalation_loop)',
  })
  @IsOptional()
  @BoundedArray(MAX_ESCALATION_LEVELS)
  @ValidateNested({ each: true })
  @Type(() => EscalationLevelDto)
  escalation?: EscalationLevelDto[];
}
