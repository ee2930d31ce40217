import { EventStore, handleCommand } from '@heard/event-store';
import { customerStreamId } from '../erasure/customer-erased.event';
import { PreferenceCommand } from './preferences.commands';
import { preferencesDecider } from './preferences.decider';
import { PreferenceEvent } from './preferences.events';
import { Preferences } from './preferences.types';

export interface PreferencesOutcome {
  readonly preferences: Preferences | null;
  readonly recorded: readonly PreferenceEvent[];
}

/** Both go through one stream, `customer-<id>`, beside CustomerErased. */
export interface ChangeOptions {
  /** Who asked, for the envelope. */
  readonly actor?: string;
  /** Deterministic ids, for reactors: a replay appends nothing new. */
  readonly eventId?: (index: number) => string;
}

export async function changePreferences(
  store: EventStore,
  command: PreferenceCommand,
  options: ChangeOptions = {},
): Promise<PreferencesOutcome> {
  const { actor, eventId } = options;
  const result = await handleCommand(
    store,
    customerStreamId(command.customerId),
    preferencesDecider,
    command,
    {
      envelope: (_event, i) => ({
        ...(actor === undefined ? {} : { actor }),
        ...(eventId === undefined ? {} : { eventId: eventId(i) }),
      }),
    },
  );
  return { preferences: result.state.preferences, recorded: result.events };
}
