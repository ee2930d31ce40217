import { CASE_EVENT_TYPES, CaseEvent } from '@heard/cases';
import { ApiProperty } from '@nestjs/swagger';

export class TimelineEntryResponse {
  @ApiProperty({ example: 2, description: 'The case version this step produced' })
  version!: number;

  @ApiProperty({ enum: CASE_EVENT_TYPES, example: 'CaseAssigned' })
  type!: CaseEvent['type'];

  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', format: 'date-time' })
  when!: string;

  @ApiProperty({ example: 'Heard', description: 'A person id, `customer <id>`, or Heard itself' })
  who!: string;

  @ApiProperty({ example: 'assigned the case to M-42' })
  what!: string;

  @ApiProperty({
    example: "store S-042's manager is M-42 (rule store-manager, version 1)",
    nullable: true,
    type: String,
  })
  why!: string | null;

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'A note, a reply, or the message to the customer',
  })
  detail!: string | null;

  @ApiProperty({
    example:
      "Heard assigned the case to M-42: store S-042's manager is M-42 (rule store-manager, version 1)",
  })
  text!: string;
}
