import { ApiProperty } from '@nestjs/swagger';
import { IsSlug } from '../shared/case-field.validators';

export class RecategorizeCaseRequest {
  @ApiProperty({ example: 'staff', description: 'Lower-case words joined by _' })
  @IsSlug()
  category!: string;
}
