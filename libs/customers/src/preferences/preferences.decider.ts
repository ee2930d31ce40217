import { Decider } from '@heard/event-store';
import { PreferenceCommand } from './preferences.commands';
import { decidePreferences } from './preferences.decide';
import { PreferenceEvent } from './preferences.events';
import { evolvePreferences, initialPreferencesState, PreferencesState } from './preferences.evolve';

export const preferencesDecider: Decider<PreferenceCommand, PreferenceEvent, PreferencesState> = {
  decide: decidePreferences,
  evolve: evolvePreferences,
  initialState: initialPreferencesState,
};
