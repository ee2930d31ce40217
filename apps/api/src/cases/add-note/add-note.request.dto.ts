import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText } from '../shared/case-field.validators';

export class AddNoteRequest {
  @ApiProperty({
    example: 'Till 3 has been broken since Monday; asked facilities to fix it.',
    maxLength: 5000,
  })
  @IsCaseText()
  text!: string;
}
