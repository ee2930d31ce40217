import { PublishedSlaPolicies, SlaPolicy } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';
import { SlaPolicyDto } from './sla-policy.dto';

const BUILT_IN_EXAMPLE = {
  policyId: 'built-in',
  name: 'Negative feedback',
  match: {},
  targets: { resolution: { duration: 'PT72H', calendar: '24x7' } },
  warnAt: 0.8,
  escalation: [
    { to: { kind: 'region_lead' }, mode: 'owner', target: { duration: 'PT24H', calendar: '24x7' } },
    { to: { kind: 'cx_admins' }, mode: 'owner', target: { duration: 'PT24H', calendar: '24x7' } },
  ],
};

export class SlaPoliciesResponse {
  @ApiProperty({
    example: 4,
    description: '0: the built-in default, before any publish. Send it back as basedOnVersion',
  })
  version!: number;

  @ApiProperty({
    type: () => [SlaPolicyDto],
    example: [
      {
        ...BUILT_IN_EXAMPLE,
        policyId: 'urgent-complaints',
        name: 'Urgent complaints',
        match: { priorities: ['urgent'] },
        targets: { resolution: { duration: 'PT4H', calendar: 'business' } },
      },
    ],
    description: 'In order, each with its match, targets, warnAt and escalation spelled out',
  })
  policies!: SlaPolicyDto[];

  @ApiProperty({ type: () => SlaPolicyDto, example: BUILT_IN_EXAMPLE })
  defaultPolicy!: SlaPolicyDto;

  @ApiProperty({
    example: '2026-03-08T09:00:00.000Z',
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'null for the built-in default',
  })
  publishedAt!: string | null;

  @ApiProperty({ example: 'admin-1', nullable: true, type: String })
  publishedBy!: string | null;
}

const presentPolicy = (policy: SlaPolicy): SlaPolicyDto => ({
  ...policy,
  match: { ...policy.match },
  targets: { ...policy.targets },
  escalation: policy.escalation.map((level) => ({ ...level, to: { ...level.to } })),
});

export const presentSlaPolicies = (published: PublishedSlaPolicies): SlaPoliciesResponse => ({
  version: published.version,
  policies: published.policies.map(presentPolicy),
  defaultPolicy: presentPolicy(published.defaultPolicy),
  publishedAt: published.publishedAt,
  publishedBy: published.publishedBy,
});
