import { BoundedArray } from '@heard/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  AreIds,
  IsCategory,
  IsImprovementId,
  IsStaffText,
  MAX_DESCRIPTION,
  MAX_TITLE,
} from './improvement-field.validators';

export class ProposeImprovementRequest {
  @ApiProperty({ example: 'Second till at peak hours', maxLength: MAX_TITLE })
  @IsStaffText(MAX_TITLE)
  title!: string;

  @ApiProperty({
    example: 'Open a second till whenever more than four people queue',
    maxLength: MAX_DESCRIPTION,
  })
  @IsStaffText(MAX_DESCRIPTION)
  description!: string;

  @ApiProperty({
    type: [String],
    example: ['S-042'],
    maxItems: 1000,
    description:
      'The stores it is for. Empty: every store, which only cx_admin may propose; a regional manager names stores of their regions, a store manager their stores',
  })
  @BoundedArray(1000)
  @AreIds()
  storeIds!: string[];

  @ApiProperty({ type: [String], example: ['queue'], maxItems: 50 })
  @BoundedArray(50)
  @IsCategory()
  categories!: string[];

  @ApiPropertyOptional({
    example: 'M-42',
    description: 'Who owns it: a person with a staff role in the directory; the caller by default',
  })
  @IsOptional()
  @IsImprovementId()
  owner?: string;
}
