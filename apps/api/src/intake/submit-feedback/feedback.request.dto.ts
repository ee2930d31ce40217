import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Channel,
  CHANNELS,
  FEEDBACK_KINDS,
  FeedbackKind,
  FeedbackSubmission,
} from '@heard/feedback';
import { BoundedArray, IsIsoInstant } from '@heard/http';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsBcp47 } from '../validation/is-bcp47.validator';
import { ID_PATTERN, MAX_TEXT_LENGTH, SLUG_PATTERN } from '../validation/text-rules';
import { CustomerRequestDto } from './customer.request.dto';
import { FactorScoreRequestDto } from './factor-score.request.dto';
import { SourceRequestDto } from './source.request.dto';

/** One complaint, review, survey answer, suggestion or praise. Unknown fields are refused. */
export class FeedbackRequestDto implements FeedbackSubmission {
  @ApiProperty({ enum: FEEDBACK_KINDS, example: 'review' })
  @IsIn(FEEDBACK_KINDS)
  kind!: FeedbackKind;

  @ApiProperty({ enum: CHANNELS, example: 'app' })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiPropertyOptional({ example: 'S-042', description: 'The store it is about' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'storeId must be 1–200 letters, digits or . _ : @ | -' })
  storeId?: string;

  @ApiProperty({ type: CustomerRequestDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerRequestDto)
  customer!: CustomerRequestDto;

  @ApiPropertyOptional({
    example: 'product_quality',
    description: 'Left out, triage picks one from the text',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'category must be lower-case words joined by _' })
  category?: string;

  @ApiPropertyOptional({ example: 2, minimum: 1, maximum: 5, description: 'Required for a review' })
  @ValidateIf((o: FeedbackRequestDto) => o.kind === 'review' || o.rating != null)
  @IsDefined({ message: 'rating is required for a review' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({
    example: 6,
    minimum: 0,
    maximum: 10,
    description: 'Required for a survey',
  })
  @ValidateIf((o: FeedbackRequestDto) => o.kind === 'survey' || o.nps != null)
  @IsDefined({ message: 'nps is required for a survey' })
  @IsInt()
  @Min(0)
  @Max(10)
  nps?: number;

  @ApiPropertyOptional({
    type: [FactorScoreRequestDto],
    example: [
      { factor: 'queue_length', score: 3 },
      { factor: 'staff_helpfulness', score: 8 },
    ],
    description: 'One score per factor; a factor at most once',
  })
  @IsOptional()
  @BoundedArray(50)
  @ArrayUnique((f: FactorScoreRequestDto | null) => f?.factor, {
    message: 'factors must not name the same factor twice',
  })
  @ValidateNested({ each: true })
  @Type(() => FactorScoreRequestDto)
  factors?: FactorScoreRequestDto[];

  @ApiPropertyOptional({
    example: 'Хліб черствий вже втретє цього тижня 😞',
    maxLength: MAX_TEXT_LENGTH,
    description: 'Any language and emoji, stored exactly as given; at most 5,000 characters',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TEXT_LENGTH)
  text?: string;

  @ApiPropertyOptional({ example: 'uk', description: 'BCP 47 language tag of the text' })
  @IsOptional()
  @IsBcp47()
  language?: string;

  @ApiPropertyOptional({
    example: '2026-11-20T09:30:00+02:00',
    format: 'date-time',
    description: 'When it happened; defaults to receipt. At most 5 minutes in the future.',
  })
  @IsOptional()
  @IsIsoInstant()
  occurredAt?: string;

  @ApiPropertyOptional({ type: SourceRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SourceRequestDto)
  source?: SourceRequestDto;
}
