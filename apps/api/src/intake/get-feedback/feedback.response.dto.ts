import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FeedbackDetails } from '@heard/feedback';

class TriageDto {
  @ApiProperty({ enum: ['negative', 'neutral', 'positive'], example: 'negative' })
  sentiment!: string;

  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'], example: 'medium' })
  severity!: string;

  @ApiProperty({ example: 'product_quality' })
  category!: string;

  @ApiProperty({ example: true, description: 'Whether it opens a case' })
  needsCase!: boolean;

  @ApiProperty({ example: ['rating 2 of 5', "keyword 'хліб' (product_quality)"] })
  reasons!: string[];
}

class CaseRefDto {
  @ApiProperty({ example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  caseId!: string;

  @ApiProperty({ enum: ['open', 'awaiting_customer', 'resolved', 'closed'], example: 'open' })
  status!: string;
}

export class FeedbackResponseDto {
  @ApiProperty({ example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  feedbackId!: string;

  @ApiProperty({ example: 'review' })
  kind!: FeedbackDetails['kind'];

  @ApiProperty({ example: 'app' })
  channel!: FeedbackDetails['channel'];

  @ApiPropertyOptional({ example: 'S-042', nullable: true })
  storeId!: string | null;

  @ApiProperty({
    example: { id: 'C-1042', name: null, email: 'olena@example.com', phone: null, consent: true },
  })
  customer!: FeedbackDetails['customer'];

  @ApiPropertyOptional({ example: 2, nullable: true })
  rating!: number | null;

  @ApiPropertyOptional({ example: null, nullable: true })
  nps!: number | null;

  @ApiPropertyOptional({ example: 'Хліб черствий 😞', nullable: true })
  text!: string | null;

  @ApiProperty({ example: '2026-11-20T07:30:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ example: '2026-11-20T07:31:02.114Z' })
  receivedAt!: string;

  @ApiPropertyOptional({ type: TriageDto, nullable: true })
  triage!: TriageDto | null;

  @ApiPropertyOptional({ type: CaseRefDto, nullable: true })
  case!: CaseRefDto | null;
}
