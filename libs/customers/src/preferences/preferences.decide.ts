import { isDeepStrictEqual } from 'node:util';
import { ContactPreferencesSet, OptedOut, PreferenceEvent } from './preferences.events';
import {
  OptOut,
  PreferenceCommand,
  RecordContactGiven,
  SetPreferences,
} from './preferences.commands';
import { PreferencesState } from './preferences.evolve';
import {
  ChannelPreference,
  Consent,
  CONSENT_PURPOSES,
  ConsentPurpose,
  Preferences,
} from './preferences.types';

/** A consent keeps its `at` and `how` while it says the same; a change is stamped now. */
function consentsOf(command: SetPreferences, current: Preferences | null) {
  const consents: Partial<Record<ConsentPurpose, Consent>> = { ...current?.consents };
  for (const purpose of CONSENT_PURPOSES) {
    const asked = command.consents[purpose];
    if (asked === undefined) continue;
    const before = consents[purpose];
    if (before?.given === asked.given) continue;
    consents[purpose] = { given: asked.given, at: command.at, how: asked.how };
  }
  return consents;
}

function set(command: SetPreferences, state: PreferencesState): ContactPreferencesSet[] {
  const current = state.preferences;
  const next: Preferences = {
    customerId: command.customerId,
    channels: command.channels.map(({ channel, address }) =>
      address === undefined ? { channel } : { channel, address },
    ),
    locale: command.locale,
    consents: consentsOf(command, current),
    quietHours: command.quietHours,
  };
  if (current !== null && isDeepStrictEqual(current, next)) return [];
  return [
    {
      type: 'ContactPreferencesSet',
      data: {
        customerId: next.customerId,
        channels: next.channels.map((c) => c.channel),
        locale: next.locale,
        consents: next.consents,
        quietHours: next.quietHours,
        personal: { addresses: next.channels.map((c) => c.address ?? null) },
        by: command.by,
        at: command.at,
      },
    },
  ];
}

/** Opting out of what was never consented to records nothing: it is already honoured. */
function optOut(command: OptOut, state: PreferencesState): OptedOut[] {
  const consents = state.preferences?.consents ?? {};
  const purposes =
    command.purpose === null
      ? CONSENT_PURPOSES.filter((p) => consents[p]?.given === true)
      : consents[command.purpose]?.given === false
        ? []
        : [command.purpose];
  return purposes.map((purpose) => ({
    type: 'OptedOut',
    data: { customerId: command.customerId, purpose, via: command.via, at: command.at },
  }));
}

function withAddress(
  channels: readonly ChannelPreference[],
  given: ChannelPreference,
): ChannelPreference[] {
  const at = channels.findIndex((c) => c.channel === given.channel);
  if (at < 0) return [...channels, given];
  return channels.map((c, i) => (i === at ? given : c));
}

/** Put again as a whole, so that the same submission twice records nothing the second time. */
function recordContact(command: RecordContactGiven, state: PreferencesState) {
  const current = state.preferences;
  let channels = current?.channels ?? [];
  if (command.email !== undefined)
    channels = withAddress(channels, { channel: 'email', address: command.email });
  if (command.phone !== undefined)
    channels = withAddress(channels, { channel: 'sms', address: command.phone });
  const consents = command.consent ? { case_updates: { given: true, how: command.how } } : {};
  return set(
    {
      type: 'SetPreferences',
      customerId: command.customerId,
      channels,
      locale: current?.locale ?? null,
      consents,
      quietHours: current?.quietHours ?? null,
      by: command.by,
      at: command.at,
    },
    state,
  );
}

export function decidePreferences(
  command: PreferenceCommand,
  state: PreferencesState,
): PreferenceEvent[] {
  switch (command.type) {
    case 'SetPreferences':
      return set(command, state);
    case 'OptOut':
      return optOut(command, state);
    case 'RecordContactGiven':
      return recordContact(command, state);
  }
}
