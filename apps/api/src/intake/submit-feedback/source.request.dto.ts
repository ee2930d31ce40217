import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { NO_CONTROL_CHARACTERS } from '../validation/text-rules';

/**
 * Where an integration got it: the pair identifies the item within the sending integration's
 * namespace, so sending it again is a no-op. Integrations and cx_admin only.
 */
export class SourceRequestDto {
  @ApiProperty({
    example: 'pos',
    description:
      'The sending system. Only integrations and cx_admin may send source (others: 403); the pair ' +
      'is namespaced by the sending integration',
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
    message: 'source.system must be 1–100 letters, digits or . _ -',
  })
  system!: string;

  @ApiProperty({ example: 'receipt-2026-11-20-0042', description: "The item's id in that system" })
  @IsString()
  @Length(1, 200)
  @Matches(NO_CONTROL_CHARACTERS, {
    message: 'source.externalId must not contain control characters',
  })
  externalId!: string;
}
