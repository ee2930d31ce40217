import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BatchItemResult } from '@heard/feedback';

class FieldErrorDto {
  @ApiProperty({ example: 'rating' })
  field!: string;

  @ApiProperty({ example: 'max' })
  rule!: string;

  @ApiProperty({ example: 'rating must not be greater than 5' })
  message!: string;
}

class BatchItemResultDto {
  @ApiProperty({ example: 0, description: 'Position of the item in the request' })
  index!: number;

  @ApiProperty({ enum: ['accepted', 'duplicate', 'rejected'], example: 'accepted' })
  status!: BatchItemResult['status'];

  @ApiPropertyOptional({ example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  feedbackId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

class BatchCountsDto {
  @ApiProperty({ example: 9_998 })
  accepted!: number;

  @ApiProperty({ example: 1 })
  duplicate!: number;

  @ApiProperty({ example: 1 })
  rejected!: number;
}

export class BatchResponseDto {
  @ApiProperty({ type: [BatchItemResultDto], description: 'One result per item, in request order' })
  results!: BatchItemResult[];

  @ApiProperty({ type: BatchCountsDto })
  counts!: BatchCountsDto;
}

export function batchResponse(results: BatchItemResult[]): BatchResponseDto {
  const counts = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const result of results) counts[result.status]++;
  return { results, counts };
}
