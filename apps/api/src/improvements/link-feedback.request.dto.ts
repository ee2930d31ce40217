import { BoundedArray, IsIsoInstant } from '@heard/http';
import { CHANNELS, FEEDBACK_KINDS } from '@heard/kernel';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { AreIds, IsCategory } from './improvement-field.validators';

export const MAX_LINK_IDS = 1_000;
export const MAX_LINK_CASES = 200;

/** Every list narrows (any of its values); storeIds and regions together say where. */
export class FeedbackCriteriaDto {
  @ApiPropertyOptional({ type: [String], example: ['S-042', 'S-043'], maxItems: 1000 })
  @IsOptional()
  @BoundedArray(1000)
  @AreIds()
  storeIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['R-N'], maxItems: 100 })
  @IsOptional()
  @BoundedArray(100)
  @AreIds()
  regions?: string[];

  @ApiPropertyOptional({ type: [String], example: ['queue'], maxItems: 50 })
  @IsOptional()
  @BoundedArray(50)
  @IsCategory()
  categories?: string[];

  @ApiPropertyOptional({ type: [String], enum: CHANNELS, example: ['store', 'app'] })
  @IsOptional()
  @BoundedArray(CHANNELS.length)
  @IsIn(CHANNELS, { each: true })
  channels?: string[];

  @ApiPropertyOptional({ type: [String], enum: FEEDBACK_KINDS, example: ['complaint'] })
  @IsOptional()
  @BoundedArray(FEEDBACK_KINDS.length)
  @IsIn(FEEDBACK_KINDS, { each: true })
  kinds?: string[];

  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00Z',
    format: 'date-time',
    description: 'Feedback that occurred at or after this instant',
  })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00Z',
    format: 'date-time',
    description: 'Feedback that occurred before this instant',
  })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['queue', 'очередь', 'черга'],
    maxItems: 20,
    description:
      'The text contains any of these, ignoring case and width. Looked for in at most 50,000 items the other criteria leave (more: 422 improvement.criteria_too_broad)',
  })
  @IsOptional()
  @BoundedArray(20)
  @IsString({ each: true })
  @Length(2, 100, { each: true })
  words?: string[];
}

/** Feedback ids, case ids (their feedback), criteria, or a mix: their union is linked. */
export class LinkFeedbackRequest {
  @ApiPropertyOptional({
    type: [String],
    example: ['0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f'],
    maxItems: MAX_LINK_IDS,
  })
  @IsOptional()
  @BoundedArray(MAX_LINK_IDS)
  @AreIds()
  feedbackIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f'],
    maxItems: MAX_LINK_CASES,
  })
  @IsOptional()
  @BoundedArray(MAX_LINK_CASES)
  @AreIds()
  caseIds?: string[];

  @ApiPropertyOptional({ type: FeedbackCriteriaDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FeedbackCriteriaDto)
  criteria?: FeedbackCriteriaDto;
}
