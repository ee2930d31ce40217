import { IsIsoInstant } from '@heard/http';
import { COMPLIANCE_GROUP_BY, ComplianceGroupBy } from '@heard/sla';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { MAX_PERIOD_DAYS } from './compliance-period';

/** The period and grouping of a compliance report; in the query string or a what-if's body. */
export class CompliancePeriodRequest {
  @ApiProperty({
    example: '2026-11-01T00:00:00+02:00',
    format: 'date-time',
    description: 'Start of the period, included (date, time and offset)',
  })
  @IsIsoInstant()
  from!: string;

  @ApiProperty({
    example: '2026-12-01T00:00:00+02:00',
    format: 'date-time',
    description: `End of the period, excluded: later than from, at most ${MAX_PERIOD_DAYS} days after it`,
  })
  @IsIsoInstant()
  to!: string;

  @ApiProperty({ enum: COMPLIANCE_GROUP_BY, example: 'store' })
  @IsIn(COMPLIANCE_GROUP_BY)
  groupBy!: ComplianceGroupBy;
}
