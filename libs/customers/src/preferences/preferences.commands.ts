import { ChannelPreference, ConsentPurpose, QuietHours } from './preferences.types';

export interface ConsentGiven {
  readonly given: boolean;
  readonly how: string;
}

export interface SetPreferences {
  readonly type: 'SetPreferences';
  readonly customerId: string;
  readonly channels: readonly ChannelPreference[];
  readonly locale: string | null;
  readonly consents: Partial<Record<ConsentPurpose, ConsentGiven>>;
  readonly quietHours: QuietHours | null;
  readonly by: string;
  readonly at: string;
}

export interface OptOut {
  readonly type: 'OptOut';
  readonly customerId: string;
  /** Null withdraws every purpose consented to. */
  readonly purpose: ConsentPurpose | null;
  readonly via: string;
  readonly at: string;
}

export type PreferenceCommand = SetPreferences | OptOut;
