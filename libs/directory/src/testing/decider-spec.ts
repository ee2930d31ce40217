import type { Decider, DomainEvent } from '@heard/event-store';
import { DomainError } from '@heard/kernel';

/** What a failed decide must carry: the stable code and, when given, the field it names. */
export interface ExpectedRefusal {
  readonly code: string;
  readonly field?: string;
}

export interface Then<Event> {
  then(expected: readonly Event[]): void;
  thenNothing(): void;
  thenRefuses(expected: ExpectedRefusal): void;
}

/**
 * Given/when/then over a decider, without a store:
 * `spec.given([defined]).when(put).then([changed])`.
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command): Then<Event> {
          const decide = () =>
            decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
          return {
            then: (expected) => expect(decide()).toEqual(expected),
            thenNothing: () => expect(decide()).toEqual([]),
            thenRefuses: (expected) => {
              let refusal: unknown = null;
              try {
                decide();
              } catch (error) {
                refusal = error;
              }
              expect(refusal).toBeInstanceOf(DomainError);
              expect(refusal).toMatchObject(expected);
            },
          };
        },
      };
    },
  };
}
