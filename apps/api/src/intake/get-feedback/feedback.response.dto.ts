import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, FEEDBACK_KINDS, FeedbackDetails } from '@heard/feedback';

type Triage = NonNullable<FeedbackDetails['triage']>;

class TriageDto implements Triage {
  @ApiProperty({ enum: ['negative', 'neutral', 'positive'], example: 'negative' })
  sentiment!: Triage['sentiment'];

  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'], example: 'medium' })
  severity!: Triage['severity'];

  @ApiProperty({ example: 'product_quality' })
  category!: string;

  @ApiProperty({ example: true, description: 'Whether it opens a case' })
  needsCase!: boolean;

  @ApiProperty({ example: ['rating 2 of 5', "keyword 'хліб' (product_quality)"], type: [String] })
  reasons!: string[];
}

class CaseRefDto {
  @ApiProperty({ example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  caseId!: string;

  @ApiProperty({ enum: ['open', 'awaiting_customer', 'resolved', 'closed'], example: 'open' })
  status!: string;
}

class FeedbackCustomerDto {
  @ApiProperty({ example: 'C-1042', nullable: true, type: String })
  id!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ example: 'olena@example.com', nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  phone!: string | null;

  @ApiProperty({ example: true })
  consent!: boolean;
}

class FeedbackFactorDto {
  @ApiProperty({ example: 'queue_length' })
  factor!: string;

  @ApiProperty({ example: 3, minimum: 0, maximum: 10 })
  score!: number;
}

class FeedbackSourceDto {
  @ApiProperty({ example: 'app-reviews' })
  system!: string;

  @ApiProperty({ example: 'rev-981' })
  externalId!: string;
}

export class FeedbackResponseDto implements FeedbackDetails {
  @ApiProperty({ example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  feedbackId!: string;

  @ApiProperty({ enum: FEEDBACK_KINDS, example: 'review' })
  kind!: FeedbackDetails['kind'];

  @ApiProperty({ enum: CHANNELS, example: 'app' })
  channel!: FeedbackDetails['channel'];

  @ApiProperty({ example: 'S-042', nullable: true, type: String })
  storeId!: string | null;

  @ApiProperty({ type: FeedbackCustomerDto })
  customer!: FeedbackCustomerDto;

  @ApiProperty({ example: 'product_quality', nullable: true, type: String })
  category!: string | null;

  @ApiProperty({ example: 2, nullable: true, type: Number, minimum: 1, maximum: 5 })
  rating!: number | null;

  @ApiProperty({ example: null, nullable: true, type: Number, minimum: 0, maximum: 10 })
  nps!: number | null;

  @ApiProperty({ type: [FeedbackFactorDto] })
  factors!: FeedbackFactorDto[];

  @ApiProperty({ example: 'Хліб черствий 😞', nullable: true, type: String })
  text!: string | null;

  @ApiProperty({ example: 'uk', nullable: true, type: String })
  language!: string | null;

  @ApiProperty({ example: '2026-11-20T07:30:00.000Z', format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: '2026-11-20T07:31:02.114Z', format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: FeedbackSourceDto, nullable: true })
  source!: FeedbackSourceDto | null;

  @ApiProperty({ type: TriageDto, nullable: true })
  triage!: TriageDto | null;

  @ApiProperty({ type: CaseRefDto, nullable: true })
  case!: CaseRefDto | null;
}
