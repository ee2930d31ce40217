import {
  CONSENT_PURPOSES,
  CONTACT_CHANNELS,
  ConsentPurpose,
  ContactChannel,
} from '@heard/customers';
import { BoundedArray } from '@heard/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsBcp47 } from '../../intake/validation/is-bcp47.validator';
import { HH_MM, IsChannelAddress, IsIanaZone } from './preference-field.validators';

export class ChannelRequest {
  @ApiProperty({ enum: CONTACT_CHANNELS, example: 'email' })
  @IsIn(CONTACT_CHANNELS, { message: `channel must be one of ${CONTACT_CHANNELS.join(', ')}` })
  channel!: ContactChannel;

  @ApiPropertyOptional({
    example: 'olena@example.com',
    description:
      'email: an e-mail address; sms: E.164 (+380501234567); push and in_app: optional device token. Stored only sealed under the customer’s key',
  })
  @IsChannelAddress()
  address?: string;
}

export class ConsentRequest {
  @ApiProperty({ example: true })
  @IsBoolean()
  given!: boolean;

  @ApiPropertyOptional({
    example: 'app_settings',
    description: 'How it was given or withdrawn; recorded with the time. Default "api"',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_:.-]{0,63}$/, {
    message: 'how must be 1–64 lower-case letters, digits or _ : . -',
  })
  how?: string;
}

export class ConsentsRequest {
  @ApiPropertyOptional({ type: ConsentRequest, example: { given: true, how: 'app_settings' } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentRequest)
  case_updates?: ConsentRequest;

  @ApiPropertyOptional({ type: ConsentRequest, example: { given: true, how: 'app_settings' } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentRequest)
  you_changed_this?: ConsentRequest;

  @ApiPropertyOptional({ type: ConsentRequest, example: { given: false, how: 'app_settings' } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentRequest)
  surveys?: ConsentRequest;
}

export class QuietHoursRequest {
  @ApiProperty({ example: '22:00', description: 'HH:mm, the customer’s local time' })
  @Matches(HH_MM, { message: 'from must be HH:mm (00:00–23:59)' })
  from!: string;

  @ApiProperty({ example: '08:00', description: 'HH:mm; before `from` spans midnight' })
  @Matches(HH_MM, { message: 'to must be HH:mm (00:00–23:59)' })
  to!: string;

  @ApiProperty({ example: 'Europe/Kyiv', description: 'IANA time zone of the customer' })
  @IsIanaZone()
  timeZone!: string;
}

/** The whole of a customer's preferences: a PUT replaces them; consents left out stay as they are. */
export class PutPreferencesRequest {
  @ApiProperty({
    type: [ChannelRequest],
    example: [
      { channel: 'sms', address: '+380501234567' },
      { channel: 'email', address: 'olena@example.com' },
    ],
    description: 'In order of preference, at most one of each channel',
  })
  @IsDefined()
  @BoundedArray(CONTACT_CHANNELS.length)
  @ArrayUnique((c: ChannelRequest | null) => c?.channel, {
    message: 'channels must not name the same channel twice',
  })
  @ValidateNested({ each: true })
  @Type(() => ChannelRequest)
  channels!: ChannelRequest[];

  @ApiPropertyOptional({
    example: 'uk',
    nullable: true,
    type: String,
    description: 'BCP 47; notices exist in ru, uk and en',
  })
  @IsOptional()
  @IsBcp47()
  locale?: string | null;

  @ApiPropertyOptional({
    type: ConsentsRequest,
    example: { case_updates: { given: true, how: 'app_settings' } },
    description: `Per purpose (${CONSENT_PURPOSES.join(', ')}); a purpose left out keeps its consent`,
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentsRequest)
  consents?: Partial<Record<ConsentPurpose, ConsentRequest>>;

  @ApiPropertyOptional({
    type: QuietHoursRequest,
    nullable: true,
    example: { from: '22:00', to: '08:00', timeZone: 'Europe/Kyiv' },
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => QuietHoursRequest)
  quietHours?: QuietHoursRequest | null;
}
