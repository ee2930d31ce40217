import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from '../shared/case-field.validators';

export class SendReplyRequest {
  @ApiProperty({
    example: 'We are sorry for the wait. A second till now opens at peak hours.',
    maxLength: 5000,
  })
  @IsCaseText()
  text!: string;
}
