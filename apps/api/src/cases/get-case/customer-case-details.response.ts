import { ApiProperty } from '@nestjs/swagger';
import { CustomerCaseSummaryResponse } from '../shared/customer-case-summary.response';
import { TimelineEntryResponse } from './timeline-entry.response';

export class CustomerCaseDetailsResponse extends CustomerCaseSummaryResponse {
  @ApiProperty({
    type: [TimelineEntryResponse],
    description:
      'What was meant for the customer, oldest first: no routing, notes, priority, escalations or internal reasons',
  })
  timeline!: TimelineEntryResponse[];
}
