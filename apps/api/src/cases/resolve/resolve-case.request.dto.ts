import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCaseText, IsPersonId, IsSlug } from '../shared/case-field.validators';

export class ResolveCaseRequest {
  @ApiProperty({ example: 'fixed', description: 'Resolution code, lower-case words joined by _' })
  @IsSlug()
  code!: string;

  @ApiProperty({ example: 'Second till opens at peak hours from now on', maxLength: 1000 })
  @IsCaseText(1000)
  summary!: string;

  @ApiProperty({
    example: 'Thank you for telling us. From today a second till opens whenever the queue grows.',
    maxLength: 5000,
  })
  @IsCaseText()
  customerMessage!: string;

  @ApiPropertyOptional({
    example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f',
    description:
      'The improvement that fixed it: the case’s feedback is linked to it (and, once it has shipped, its customer told). Unknown or cancelled: 422',
  })
  @IsOptional()
  @IsPersonId()
  improvementId?: string;
}
