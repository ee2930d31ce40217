import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { ContactNeedsConsent } from '../validation/contact-needs-consent.validator';
import { ID_PATTERN, NO_CONTROL_CHARACTERS, PHONE_PATTERN } from '../validation/text-rules';

/**
 * Who said it: a known customer id, or contact details given with consent, or neither
 * (anonymous: accepted, but nobody can be answered, so consent must then be false).
 */
export class CustomerRequestDto {
  @ApiPropertyOptional({
    example: 'C-1042',
    description: 'A known customer id. Customers leave it out: their token says who they are.',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'customer.id must be 1–200 letters, digits or . _ : @ | -' })
  id?: string;

  @ApiPropertyOptional({ example: 'Олена Коваль', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NO_CONTROL_CHARACTERS, { message: 'customer.name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional({ example: 'olena@example.com', maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+380 44 123 45 67' })
  @IsOptional()
  @Matches(PHONE_PATTERN, {
    message: 'customer.phone must be digits with optional + ( ) . - and spaces',
  })
  phone?: string;

  @ApiProperty({
    example: true,
    description:
      'Consent to be contacted about this feedback. Required when email or phone is given.',
  })
  @IsBoolean()
  @ContactNeedsConsent()
  consent!: boolean;
}
