import { ROLES, Role } from '@heard/kernel';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { IsDisplayName, IsLanguageTag } from '../../shared/directory-field.validators';

export class PutPersonRequest {
  @ApiProperty({ example: 'Mara Lind', maxLength: 200, description: 'Personal data' })
  @IsDisplayName()
  name!: string;

  @ApiProperty({
    example: ['store_manager'],
    enum: ROLES,
    isArray: true,
    description: 'At least one; a set, so order and duplicates do not matter',
  })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({ example: 'de-DE', description: 'BCP 47 language tag for notices and the UI' })
  @IsLanguageTag()
  locale!: string;

  @ApiProperty({
    required: false,
    example: 'mara.lind@example.com',
    maxLength: 254,
    description:
      'Personal data. Where staff alerts (SLA warnings, breaches, escalations) are e-mailed',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}
