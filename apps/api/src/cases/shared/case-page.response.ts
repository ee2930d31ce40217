import { ApiProperty } from '@nestjs/swagger';
import { CaseSummaryResponse } from './case-summary.response';

export class CasePageResponse {
  @ApiProperty({ type: [CaseSummaryResponse] })
  items!: CaseSummaryResponse[];

  @ApiProperty({
    example: 'WyIyMDI2LTExLTIzVDEwOjAwOjAwLjAwMFoiLCJmLTEiXQ',
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
