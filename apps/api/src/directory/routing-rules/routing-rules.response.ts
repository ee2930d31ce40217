import { PublishedRoutingRules } from '@heard/directory';
import { ApiProperty } from '@nestjs/swagger';
import { RoutingRuleDto } from './routing-rule.dto';
import { RuleOwnerDto } from './rule-owner.dto';

export class RoutingRulesResponse {
  @ApiProperty({
    example: 4,
    description: 'Send it back as basedOnVersion when you publish an edit',
  })
  version!: number;

  @ApiProperty({
    type: () => [RoutingRuleDto],
    example: [
      {
        id: 'complaints-to-store',
        match: { kinds: ['complaint'] },
        owner: { kind: 'store_manager' },
      },
    ],
  })
  rules!: RoutingRuleDto[];

  @ApiProperty({ type: () => RuleOwnerDto, example: { kind: 'team', teamId: 'T-cx' } })
  defaultOwner!: RuleOwnerDto;

  @ApiProperty({ example: '2026-03-08T09:00:00.000Z', format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ example: 'admin-1' })
  publishedBy!: string;
}

export const presentRoutingRules = (published: PublishedRoutingRules): RoutingRulesResponse => ({
  version: published.version,
  rules: [...published.rules],
  defaultOwner: published.defaultOwner,
  publishedAt: published.publishedAt,
  publishedBy: published.publishedBy,
});
