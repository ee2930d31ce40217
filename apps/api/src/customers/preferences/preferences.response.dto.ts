import { CONTACT_CHANNELS, ContactChannel, Preferences } from '@heard/customers';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ChannelResponse {
  @ApiProperty({ enum: CONTACT_CHANNELS, example: 'email' })
  channel!: ContactChannel;

  @ApiPropertyOptional({
    example: 'olena@example.com',
    description: 'Absent for push and in_app without a token, and once the customer is erased',
  })
  address?: string;
}

export class ConsentResponse {
  @ApiProperty({ example: true })
  given!: boolean;

  @ApiProperty({
    example: '2026-12-01T10:00:00.000Z',
    description: 'When it was given or withdrawn',
  })
  at!: string;

  @ApiProperty({
    example: 'app_settings',
    description: 'How: as sent with PUT ("api" by default), "feedback", "opt_out", "opt_out_link"',
  })
  how!: string;
}

export class ConsentsResponse {
  @ApiPropertyOptional({ type: ConsentResponse })
  case_updates?: ConsentResponse;

  @ApiPropertyOptional({ type: ConsentResponse })
  you_changed_this?: ConsentResponse;

  @ApiPropertyOptional({ type: ConsentResponse })
  surveys?: ConsentResponse;
}

export class QuietHoursResponse {
  @ApiProperty({ example: '22:00' })
  from!: string;

  @ApiProperty({ example: '08:00' })
  to!: string;

  @ApiProperty({ example: 'Europe/Kyiv' })
  timeZone!: string;
}

export class PreferencesResponse {
  @ApiProperty({ example: 'C-1042' })
  customerId!: string;

  @ApiProperty({
    type: [ChannelResponse],
    example: [{ channel: 'sms', address: '+380501234567' }],
    description: 'In order of preference; empty when none were given',
  })
  channels!: ChannelResponse[];

  @ApiProperty({ example: 'uk', nullable: true, type: String })
  locale!: string | null;

  @ApiProperty({
    type: ConsentsResponse,
    example: {
      case_updates: { given: true, at: '2026-12-01T10:00:00.000Z', how: 'app_settings' },
    },
    description: 'A purpose never asked about is absent: no consent',
  })
  consents!: ConsentsResponse;

  @ApiProperty({ type: QuietHoursResponse, nullable: true })
  quietHours!: QuietHoursResponse | null;
}

/** A customer never seen has preferences too: none. */
export const presentPreferences = (
  customerId: string,
  preferences: Preferences | null,
): PreferencesResponse => ({
  customerId,
  channels: (preferences?.channels ?? []).map((c) => ({ ...c })),
  locale: preferences?.locale ?? null,
  consents: { ...preferences?.consents },
  quietHours: preferences?.quietHours ?? null,
});
