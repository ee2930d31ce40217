import { MAX_RULES } from '@heard/directory';
import { BoundedArray } from '@heard/http';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { RoutingRuleDto } from '../routing-rule.dto';
import { RuleOwnerDto } from '../rule-owner.dto';
import { RuleSetInput } from './publish-routing-rules.command';

export class PublishRoutingRulesRequest {
  @ApiProperty({
    type: () => [RoutingRuleDto],
    description: 'Tried in order: the first whose match holds and whose owner resolves wins',
    example: [
      {
        id: 'complaints-to-store',
        match: { kinds: ['complaint'], channels: ['store'] },
        owner: { kind: 'store_manager' },
      },
      {
        id: 'urgent-to-care',
        match: { priorities: ['urgent'] },
        owner: { kind: 'team', teamId: 'T-cx' },
      },
    ],
  })
  @BoundedArray(MAX_RULES)
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleDto)
  rules!: RoutingRuleDto[];

  @ApiProperty({ type: () => RuleOwnerDto, example: { kind: 'team', teamId: 'T-cx' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => RuleOwnerDto)
  defaultOwner!: RuleOwnerDto;

  @ApiProperty({
    example: 3,
    required: false,
    description: 'The version you edited (0 before the first); 409 if another was published since',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  basedOnVersion?: number;
}

/** Validated classes to the plain drafts the command takes (a class has no index signature). */
export const ruleSetOf = ({
  rules,
  defaultOwner,
  basedOnVersion,
}: PublishRoutingRulesRequest): RuleSetInput => ({
  rules: rules.map((rule) => ({ ...rule, match: rule.match && { ...rule.match } })),
  defaultOwner,
  basedOnVersion,
});
