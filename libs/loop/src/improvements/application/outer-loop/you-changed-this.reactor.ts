import { EventStore, RecordedEvent } from '@heard/event-store';
import { Reactor } from '@heard/projections';
import { youChangedThisNoticeId } from '../../../notices/notice-id';
import { scheduleNotice } from '../../../notices/schedule-notice';
import { FeedbackLinked, ImprovementEvent } from '../../improvement.events';
import { improvementDecider } from '../../domain/improvement.decider';
import { ImprovementState } from '../../domain/improvement.state';
import { inLanes, inLanesMap } from './in-lanes';
import { whoToTell } from './who-to-tell';
import { youChangedThisRecipient } from './you-changed-this-recipient';

export const YOU_CHANGED_THIS_REACTOR = 'outer-loop-you-changed-this';

export interface YouChangedThisDependencies {
  readonly store: EventStore;
  /** Customers looked up and scheduled at once; the stores group their appends into commits. */
  readonly concurrency?: number;
}

const HANDLES = new Set(['ImprovementShipped', 'FeedbackLinked']);

/** Customers looked up, then scheduled, per round. */
const CHUNK = 10_000;

/** The improvement as it stood right after `event`: later events do not change what it caused. */
async function stateAt(store: EventStore, event: RecordedEvent): Promise<ImprovementState> {
  const history = await store.readStream(event.streamId);
  return history
    .filter((e) => e.streamVersion <= event.streamVersion)
    .reduce(
      (s, e) => improvementDecider.evolve(s, { type: e.type, data: e.data } as ImprovementEvent),
      improvementDecider.initialState(),
    );
}

/**
 * The outer loop: when an improvement ships, every customer of its linked feedback who consented
 * to `you_changed_this` gets one notice scheduled (`notice-<youChangedThisNoticeId>`); feedback
 * linked later is told when linked. The notice id comes from the customer and the improvement, so
 * a replay, a redelivered batch or a resumed fan-out finds the stream there and appends nothing:
 * a crash half-way through 100,000 customers resumes from the checkpoint, which only passes the
 * event once all of them are scheduled.
 */
export function youChangedThisReactor(deps: YouChangedThisDependencies): Reactor {
  const concurrency = deps.concurrency ?? 256;
  return {
    name: YOU_CHANGED_THIS_REACTOR,
    canHandle: (type) => HANDLES.has(type),
    partitionOf: async (event) => event.streamId,
    async handle(event) {
      const state = await stateAt(deps.store, event);
      if (state.status !== 'shipped' || state.shippedAt === null) return;
      const linked =
        event.type === 'FeedbackLinked' ? (event.data as FeedbackLinked['data']) : null;
      const told = whoToTell(state, { type: event.type, newCustomerIds: linked?.customerIds });
      const at = linked?.at ?? state.shippedAt;
      const notBefore =
        linked !== null && linked.at > state.shippedAt ? linked.at : state.shippedAt;
      // Reads first, then appends, a chunk at a time: reads between the appends keep the group
      // commits small (bench:notices:schedule on SQLite, 100,000 customers: interleaved took 4.7
      // times as long as plain appends of as many notices, apart 1.8 times).
      for (let start = 0; start < told.length; start += CHUNK) {
        const chunk = told.slice(start, start + CHUNK);
        const recipients = await inLanesMap(chunk, concurrency, ({ customerId }) =>
          youChangedThisRecipient(deps.store, customerId),
        );
        const due = chunk.flatMap((t, i) => {
          const recipient = recipients[i];
          return recipient === null ? [] : [{ ...t, channel: recipient.channel }];
        });
        await inLanes(due, concurrency, ({ customerId, feedbackIds, channel }) =>
          scheduleNotice(
            deps.store,
            {
              noticeId: youChangedThisNoticeId(customerId, state.improvementId),
              kind: 'you_changed_this',
              recipient: { customerId },
              refs: { improvementId: state.improvementId, feedbackIds },
              channel,
              notBefore,
              at,
            },
            {
              causationId: event.eventId,
              correlationId: event.correlationId ?? event.eventId,
              actor: YOU_CHANGED_THIS_REACTOR,
            },
          ).then(() => undefined),
        );
      }
    },
  };
}
