import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsStaffText, MAX_MESSAGE } from './improvement-field.validators';

/** What changed, as customers read it; a locale without its own message gets `en`. */
export class PublicMessagesDto {
  @ApiProperty({
    example: 'A second till now opens whenever the queue grows',
    maxLength: MAX_MESSAGE,
  })
  @IsStaffText(MAX_MESSAGE)
  en!: string;

  @ApiPropertyOptional({
    example: 'Теперь при очереди открывается вторая касса',
    maxLength: MAX_MESSAGE,
  })
  @IsOptional()
  @IsStaffText(MAX_MESSAGE)
  ru?: string;

  @ApiPropertyOptional({
    example: 'Тепер, коли є черга, відкривається друга каса',
    maxLength: MAX_MESSAGE,
  })
  @IsOptional()
  @IsStaffText(MAX_MESSAGE)
  uk?: string;
}

export class ShipImprovementRequest {
  @ApiProperty({ type: PublicMessagesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PublicMessagesDto)
  messages!: PublicMessagesDto;
}
