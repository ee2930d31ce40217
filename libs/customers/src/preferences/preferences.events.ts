import { DomainEvent } from '@heard/event-store';
import { CustomerErased } from '../erasure/customer-erased.event';
import { ConsentPurpose, ContactChannel, Consent, QuietHours } from './preferences.types';

/** The addresses, in the order of `channels`: sealed under the customer's key in storage. */
export interface PreferenceAddresses {
  readonly addresses?: readonly (string | null)[];
  /** Set when read after the key was erased: the addresses are then absent. */
  readonly redacted?: boolean;
}

/** The whole of the customer's preferences as they now stand (a PUT replaces them). */
export type ContactPreferencesSet = DomainEvent<
  'ContactPreferencesSet',
  {
    readonly customerId: string;
    readonly channels: readonly ContactChannel[];
    readonly locale: string | null;
    readonly consents: Partial<Record<ConsentPurpose, Consent>>;
    readonly quietHours: QuietHours | null;
    readonly personal: PreferenceAddresses;
    readonly by: string;
    readonly at: string;
  }
>;

/** Consent withdrawn for one purpose; honoured from the moment it is recorded. */
export type OptedOut = DomainEvent<
  'OptedOut',
  {
    readonly customerId: string;
    readonly purpose: ConsentPurpose;
    readonly via: string;
    readonly at: string;
  }
>;

export type PreferenceEvent = ContactPreferencesSet | OptedOut | CustomerErased;
