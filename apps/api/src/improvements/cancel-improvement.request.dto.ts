import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsStaffText } from './improvement-field.validators';

export class CancelImprovementRequest {
  @ApiPropertyOptional({ example: 'The supplier could not deliver', maxLength: 1000 })
  @IsOptional()
  @IsStaffText(1000)
  reason?: string;
}
