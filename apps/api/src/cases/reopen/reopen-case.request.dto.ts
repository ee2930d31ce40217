import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from '../shared/case-field.validators';

export class ReopenCaseRequest {
  @ApiProperty({ example: 'The queue was just as long again today', maxLength: 1000 })
  @IsCaseText(1000)
  reason!: string;
}
