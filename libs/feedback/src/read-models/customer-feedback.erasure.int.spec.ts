import { caseIdForFeedback, caseStreamId } from '@heard/cases';
import { customerStreamId, REDACTED } from '@heard/customers';
import { personalDataStore } from '@heard/customers/testing';
import { FixedClock } from '@heard/event-store/testing';
import { ProjectionCheckpointEntity, rebuildProjection } from '@heard/projections';
import { ReadModelDatabase, readModelDatabasesUnderTest } from '@heard/projections/testing';
import { feedbackReceivedPersonal } from '../personal/feedback-received.personal';
import { replySentPersonal } from '@heard/cases';
import { receiveFeedback } from '../application/receive-feedback/receive-feedback.handler';
import { customerFeedbackProjection } from './customer-feedback.projection';
import { listCustomerFeedback } from './customer-feedback.query';
import { FeedbackReplyViewRow } from './feedback-reply-view.entity';
import { FeedbackViewRow } from './feedback-view.entity';

const at = '2026-11-20T10:00:00.000Z';
const customer = { id: 'C-1', role: 'customer' } as const;

/** Keys gone: the words read redacted after a rebuild, with or without CustomerErased. */
describe.each(readModelDatabasesUnderTest())(
  'customer-feedback rebuilt after an erasure on %s',
  (_name, factory) => {
    let database: ReadModelDatabase;
    afterEach(() => database?.dispose());

    it.each([false, true])(
      'holds no word of the customer, the rating kept (CustomerErased appended: %s)',
      async (withEvent) => {
        database = await factory();
        const clock = new FixedClock(new Date(at));
        const { store, raw, personal } = personalDataStore(
          [feedbackReceivedPersonal, replySentPersonal],
          clock,
        );
        const { feedbackId } = await receiveFeedback(
          { store, clock },
          {
            kind: 'review',
            channel: 'app',
            customer: { id: 'C-1', email: 'c1@example.com', consent: true },
            rating: 2,
            text: 'stale bread',
          },
          { id: 'pos', role: 'integration' },
        );
        const caseId = caseIdForFeedback(feedbackId);
        await store.append(
          caseStreamId(caseId),
          [
            {
              type: 'ReplySent',
              data: { at, by: customer, replyId: 'r-1', fromCustomer: true, text: 'from shop 3' },
            },
          ],
          { expectedVersion: 'any' },
        );
        await store.append(
          `feedback-${feedbackId}`,
          [{ type: 'FeedbackLinkedToCase', data: { feedbackId, caseId, merged: false, at } }],
          { expectedVersion: 'any' },
        );
        await personal.forget('customer:C-1');
        if (withEvent)
          await raw.append(
            customerStreamId('C-1'),
            [{ type: 'CustomerErased', data: { customerId: 'C-1', by: 'admin-1', at } }],
            { expectedVersion: 'any' },
          );
        const dataSource = await database.open([
          ...customerFeedbackProjection.entities,
          ProjectionCheckpointEntity,
        ]);
        await rebuildProjection(customerFeedbackProjection, store, dataSource, { clock });
        const rows = await dataSource.getRepository(FeedbackViewRow).find();
        expect(JSON.stringify(rows)).not.toContain('stale bread');
        // Without the event the row keeps the block its key no longer opens; with it, nothing.
        expect(rows).toEqual([
          expect.objectContaining(
            withEvent
              ? { feedbackId, rating: 2, text: REDACTED, personalSealed: null }
              : { feedbackId, rating: 2, text: null, personalSealed: expect.any(String) },
          ),
        ]);
        const { items } = await listCustomerFeedback(dataSource, personal, 'C-1');
        expect(items).toEqual([expect.objectContaining({ feedbackId, rating: 2, text: REDACTED })]);
        const replies = await dataSource.getRepository(FeedbackReplyViewRow).find();
        expect(replies.map((r) => [r.author, r.text])).toEqual([['customer', REDACTED]]);
      },
    );
  },
);
