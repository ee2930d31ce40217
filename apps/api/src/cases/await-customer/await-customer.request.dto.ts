import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from '../shared/case-field.validators';

export class AwaitCustomerRequest {
  @ApiProperty({ example: 'Asked which till and at what time', maxLength: 1000 })
  @IsCaseText(1000)
  reason!: string;
}
