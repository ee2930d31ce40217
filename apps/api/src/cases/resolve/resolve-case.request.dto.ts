import { ApiProperty } from '@nestjs/swagger';
import { IsCaseText, IsSlug } from '../shared/case-field.validators';

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
}
