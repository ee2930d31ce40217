import { EventStore, handleCommand } from '@heard/event-store';
import { customerStreamId } from '../erasure/customer-erased.event';
import { OptOut, SetPreferences } from './preferences.commands';
import { preferencesDecider } from './preferences.decider';
import { PreferenceEvent } from './preferences.events';
import { Preferences } from './preferences.types';

export interface PreferencesOutcome {
  readonly preferences: Preferences | null;
  readonly recorded: readonly PreferenceEvent[];
}

/** Both go through one stream, `customer-<id>`, beside CustomerErased. */
export async function changePreferences(
  store: EventStore,
  command: SetPreferences | OptOut,
  eventId?: (index: number) => string,
): Promise<PreferencesOutcome> {
  const result = await handleCommand(
    store,
    customerStreamId(command.customerId),
    preferencesDecider,
    command,
    eventId ? { envelope: (_event, i) => ({ eventId: eventId(i) }) } : {},
  );
  return { preferences: result.state.preferences, recorded: result.events };
}
