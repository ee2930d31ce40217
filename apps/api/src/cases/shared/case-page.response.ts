import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { CaseSummaryResponse } from './case-summary.response';
import { CaseAnswer, CustomerCaseSummaryResponse } from './customer-case-summary.response';

@ApiExtraModels(CaseSummaryResponse, CustomerCaseSummaryResponse)
export class CasePageResponse {
  @ApiProperty({
    type: 'array',
    items: {
      anyOf: [
        { $ref: getSchemaPath(CaseSummaryResponse) },
        { $ref: getSchemaPath(CustomerCaseSummaryResponse) },
      ],
    },
    description: 'Staff get the whole case; a customer gets CustomerCaseSummaryResponse',
  })
  items!: CaseAnswer[];

  @ApiProperty({
    example: 'WyIyMDI2LTExLTIzVDEwOjAwOjAwLjAwMFoiLCJmLTEiXQ',
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
