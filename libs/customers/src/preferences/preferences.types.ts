/** Ways to reach a customer, in the vocabulary of the notices. */
export const CONTACT_CHANNELS = ['email', 'sms', 'push', 'in_app'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** What a customer may consent to, one purpose at a time. */
export const CONSENT_PURPOSES = ['case_updates', 'you_changed_this', 'surveys'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** One way to reach the customer; the address is personal data and is sealed in events. */
export interface ChannelPreference {
  readonly channel: ContactChannel;
  /** Absent for push and in_app (the app knows where), and after erasure. */
  readonly address?: string;
}

export interface Consent {
  readonly given: boolean;
  /** When the customer last gave or withdrew it. */
  readonly at: string;
  /** How: "api", "feedback:<id>", "opt_out_link", … */
  readonly how: string;
}

/** HH:mm to HH:mm in the customer's IANA time zone; `from` after `to` spans midnight. */
export interface QuietHours {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
}

export interface Preferences {
  readonly customerId: string;
  /** In order of preference, first is tried first. */
  readonly channels: readonly ChannelPreference[];
  readonly locale: string | null;
  readonly consents: Partial<Record<ConsentPurpose, Consent>>;
  readonly quietHours: QuietHours | null;
}
