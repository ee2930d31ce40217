import { PreferenceEvent } from './preferences.events';
import { ChannelPreference, Preferences } from './preferences.types';

export interface PreferencesState {
  /** Null until the first ContactPreferencesSet or OptedOut. */
  readonly preferences: Preferences | null;
}

export const initialPreferencesState = (): PreferencesState => ({ preferences: null });

const empty = (customerId: string): Preferences => ({
  customerId,
  channels: [],
  locale: null,
  consents: {},
  quietHours: null,
});

export function evolvePreferences(
  state: PreferencesState,
  event: PreferenceEvent,
): PreferencesState {
  switch (event.type) {
    case 'ContactPreferencesSet': {
      const { customerId, channels, locale, consents, quietHours, personal } = event.data;
      const addresses = personal.addresses ?? [];
      const listed: ChannelPreference[] = channels.map((channel, i) => {
        const address = addresses[i];
        return address == null ? { channel } : { channel, address };
      });
      return { preferences: { customerId, channels: listed, locale, consents, quietHours } };
    }
    case 'OptedOut': {
      const { customerId, purpose, via, at } = event.data;
      const current = state.preferences ?? empty(customerId);
      const consents = { ...current.consents, [purpose]: { given: false, at, how: via } };
      return { preferences: { ...current, consents } };
    }
    case 'CustomerErased': {
      // The addresses are gone with the key; what they were for stays.
      if (state.preferences === null) return state;
      const channels = state.preferences.channels.map(({ channel }) => ({ channel }));
      return { preferences: { ...state.preferences, channels } };
    }
    default:
      // The stream is shared with whatever the customers context records next.
      return state;
  }
}
