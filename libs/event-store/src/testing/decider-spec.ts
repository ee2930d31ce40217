import { Decider, DomainEvent } from '../decider';

/**
 * Given/when/then for a pure decider: `given(events).when(command).then(events)` or `.thenThrows(...)`.
 * No store, no Nest: the rules alone.
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
) {
  return {
    given(history: readonly Event[]) {
      const state = history.reduce(decider.evolve, decider.initialState());
      return {
        state,
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: readonly Event[]): readonly Event[] {
              const events = run();
              expect(events).toEqual(expected);
              return events;
            },
            thenEmits(match: readonly { type: Event['type']; data?: object }[]): readonly Event[] {
              const events = run();
              expect(events).toMatchObject(match);
              expect(events).toHaveLength(match.length);
              return events;
            },
            thenThrows(code: string): void {
              let error: unknown;
              try {
                run();
              } catch (e) {
                error = e;
              }
              expect(error).toMatchObject({ code });
            },
            thenState(): State {
              return run().reduce(decider.evolve, state);
            },
          };
        },
      };
    },
  };
}
