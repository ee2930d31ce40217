import { BoundedArray } from '@heard/http';
import { MAX_POLICIES } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { SlaPolicyDto } from '../sla-policy.dto';
import { PolicySetInput } from './publish-sla-policies.command';

export class PublishSlaPoliciesRequest {
  @ApiProperty({
    type: () => [SlaPolicyDto],
    maxItems: MAX_POLICIES,
    description: 'Tried in order: the first whose match holds applies',
    example: [
      {
        policyId: 'urgent-complaints',
        name: 'Urgent complaints',
        match: { priorities: ['urgent'], kinds: ['complaint'] },
        targets: {
          firstResponse: { duration: 'PT15M', calendar: '24x7' },
          resolution: { duration: 'PT4H', calendar: 'business' },
        },
        warnAt: 0.75,
        escalation: [
          {
            to: { kind: 'store_manager' },
            mode: 'watcher',
            target: { duration: 'PT2H', calendar: '24x7' },
          },
          {
            to: { kind: 'team', teamId: 'T-cx' },
            mode: 'owner',
            target: { duration: 'PT4H', calendar: '24x7' },
          },
        ],
      },
    ],
  })
  @BoundedArray(MAX_POLICIES)
  @ValidateNested({ each: true })
  @Type(() => SlaPolicyDto)
  policies!: SlaPolicyDto[];

  @ApiProperty({
    type: () => SlaPolicyDto,
    description: 'Applies to every case no policy matched; it has no match',
    example: {
      policyId: 'standard',
      name: 'Negative feedback',
      targets: { resolution: { duration: 'PT72H', calendar: '24x7' } },
      escalation: [
        {
          to: { kind: 'region_lead' },
          mode: 'owner',
          target: { duration: 'PT24H', calendar: '24x7' },
        },
        {
          to: { kind: 'cx_admins' },
          mode: 'owner',
          target: { duration: 'PT24H', calendar: '24x7' },
        },
      ],
    },
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => SlaPolicyDto)
  defaultPolicy!: SlaPolicyDto;

  @ApiProperty({
    example: 3,
    required: false,
    description:
      'The version you edited (0: the built-in default); 409 if another was published since',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  basedOnVersion?: number;
}

const policyOf = (dto: SlaPolicyDto) => ({
  ...dto,
  match: dto.match && { ...dto.match },
  targets: { ...dto.targets },
  escalation: dto.escalation?.map((level) => ({ ...level, to: { ...level.to } })),
});

/** Validated classes to the plain drafts the command takes (a class has no index signature). */
export const policySetOf = ({
  policies,
  defaultPolicy,
  basedOnVersion,
}: PublishSlaPoliciesRequest): PolicySetInput => ({
  policies: policies.map(policyOf),
  defaultPolicy: policyOf(defaultPolicy),
  basedOnVersion,
});
