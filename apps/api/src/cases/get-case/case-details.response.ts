import { ApiProperty } from '@nestjs/swagger';
import { CaseSummaryResponse } from '../shared/case-summary.response';
import { TimelineEntryResponse } from './timeline-entry.response';

export class CaseDetailsResponse extends CaseSummaryResponse {
  @ApiProperty({ type: [TimelineEntryResponse], description: 'The whole history, oldest first' })
  timeline!: TimelineEntryResponse[];
}
