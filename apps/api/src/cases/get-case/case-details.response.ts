import { ApiProperty } from '@nestjs/swagger';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { CaseSlaResponse } from './case-sla.response';
import { TimelineEntryResponse } from './timeline-entry.response';

export class CaseDetailsResponse extends CaseSummaryResponse {
  @ApiProperty({ type: [TimelineEntryResponse], description: 'The whole history, oldest first' })
  timeline!: TimelineEntryResponse[];

  @ApiProperty({
    type: CaseSlaResponse,
    nullable: true,
    description: 'Null until the SLA context has recorded the policy the case opened under',
  })
  sla!: CaseSlaResponse | null;
}
