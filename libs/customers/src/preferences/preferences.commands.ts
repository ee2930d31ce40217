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

/**
 * Contact details and consent given with a submission: merged into what the customer has, an
 * address replacing the one of its channel, a new channel last in order.
 */
export interface RecordContactGiven {
  readonly type: 'RecordContactGiven';
  readonly customerId: string;
  readonly email?: string;
  readonly phone?: string;
  /** Consent to be contacted about it: given for case_updates; false withdraws nothing. */
  readonly consent: boolean;
  /** Where it came from, recorded as how the consent was given: `feedback:<id>`. */
  readonly how: string;
  readonly by: string;
  readonly at: string;
}

export type PreferenceCommand = SetPreferences | OptOut | RecordContactGiven;
