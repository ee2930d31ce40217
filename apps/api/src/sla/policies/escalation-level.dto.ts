import { ESCALATION_MODES, EscalationLevel } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, ValidateNested } from 'class-validator';
import { EscalationTargetDto } from './escalation-target.dto';
import { TargetSpecDto } from './target-spec.dto';

export class EscalationLevelDto {
  @ApiProperty({ type: () => EscalationTargetDto, example: { kind: 'region_lead' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => EscalationTargetDto)
  to!: EscalationTargetDto;

  @ApiProperty({
    example: 'owner',
    enum: ESCALATION_MODES,
    description: 'owner: the case changes hands; watcher: the level is added beside the owner',
  })
  @IsIn(ESCALATION_MODES)
  mode!: EscalationLevel['mode'];

  @ApiProperty({
    type: () => TargetSpecDto,
    example: { duration: 'PT24H', calendar: '24x7' },
    description: 'The resolution target this level gets, counted from the breach',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => TargetSpecDto)
  target!: TargetSpecDto;
}
