import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText, IsPersonId } from '../shared/case-field.validators';

export class EscalateCaseRequest {
  @ApiProperty({ example: 'RM-2', description: 'The person who takes the escalation' })
  @IsPersonId()
  to!: string;

  @ApiProperty({ example: 'Third complaint about the tills this month', maxLength: 1000 })
  @IsCaseText(1000)
  reason!: string;
}
