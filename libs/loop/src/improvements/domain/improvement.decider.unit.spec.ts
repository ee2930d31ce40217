import { deciderSpec } from '@heard/event-store/testing';
import { ImprovementEvent } from '../improvement.events';
import { ImprovementCommand } from './improvement.commands';
import { LINKS_PER_EVENT } from './improvement.decide';
import { improvementDecider } from './improvement.decider';

const spec = deciderSpec(improvementDecider);
const at = '2026-11-20T10:00:00.000Z';
const by = 'cx-1';
const improvementId = 'imp-1';

const propose: ImprovementCommand = {
  type: 'ProposeImprovement',
  improvementId,
  title: 'Second till at peak hours',
  description: 'Open a second till whenever more than four people queue',
  storeIds: ['S-1', 'S-2', 'S-1'],
  categories: ['queue'],
  owner: 'M-1',
  by,
  at,
};

const proposed: ImprovementEvent = {
  type: 'ImprovementProposed',
  data: {
    improvementId,
    title: 'Second till at peak hours',
    description: 'Open a second till whenever more than four people queue',
    storeIds: ['S-1', 'S-2'],
    categories: ['queue'],
    owner: 'M-1',
    by,
    at,
  },
};
const started: ImprovementEvent = { type: 'ImprovementStarted', data: { improvementId, by, at } };
const messages = { en: 'A second till now opens at peak hours', ru: 'Вторая касса' };
const shipped: ImprovementEvent = {
  type: 'ImprovementShipped',
  data: { improvementId, messages, by, at },
};
const cancelled: ImprovementEvent = {
  type: 'ImprovementCancelled',
  data: { improvementId, reason: null, by, at },
};
const linked = (ids: string[], customers: (string | null)[]): ImprovementEvent => ({
  type: 'FeedbackLinked',
  data: { improvementId, feedbackIds: ids, customerIds: customers, by, at },
});
const link = (items: [string, string | null][]): ImprovementCommand => ({
  type: 'LinkFeedback',
  feedback: items.map(([feedbackId, customerId]) => ({ feedbackId, customerId })),
  by,
  at,
});

describe('improvement decider', () => {
  it('proposes once, without repeated stores or categories', () => {
    spec.given([]).when(propose).then([proposed]);
    spec.given([proposed]).when(propose).thenThrows('improvement.exists');
  });

  it('answers not_found for anything but a proposal on a missing improvement', () => {
    spec.given([]).when({ type: 'StartImprovement', by, at }).thenThrows('improvement.not_found');
    spec
      .given([])
      .when(link([['f-1', 'c-1']]))
      .thenThrows('improvement.not_found');
  });

  it('goes proposed → started → shipped', () => {
    spec.given([proposed]).when({ type: 'StartImprovement', by, at }).then([started]);
    spec
      .given([proposed, started])
      .when({ type: 'ShipImprovement', messages, by, at })
      .then([shipped]);
    const state = spec.given([proposed, started, shipped]).state;
    expect(state).toMatchObject({ status: 'shipped', shippedAt: at, messages });
  });

  it('may ship without being started first', () => {
    spec.given([proposed]).when({ type: 'ShipImprovement', messages, by, at }).then([shipped]);
  });

  it('needs the English message to ship', () => {
    spec
      .given([proposed])
      .when({ type: 'ShipImprovement', messages: { ru: 'Вторая касса' }, by, at })
      .thenThrows('improvement.message_required');
    spec
      .given([proposed])
      .when({ type: 'ShipImprovement', messages: { en: '   ' }, by, at })
      .thenThrows('improvement.message_required');
  });

  it('repeats nothing: starting a started one, shipping again alike, cancelling a cancelled one', () => {
    spec.given([proposed, started]).when({ type: 'StartImprovement', by, at }).then([]);
    spec.given([proposed, shipped]).when({ type: 'ShipImprovement', messages, by, at }).then([]);
    spec
      .given([proposed, cancelled])
      .when({ type: 'CancelImprovement', reason: null, by, at })
      .then([]);
  });

  it('refuses what contradicts shipping or cancelling, naming the rule', () => {
    spec
      .given([proposed, shipped])
      .when({ type: 'StartImprovement', by, at })
      .thenThrows('improvement.shipped');
    spec
      .given([proposed, shipped])
      .when({ type: 'CancelImprovement', reason: 'changed our mind', by, at })
      .thenThrows('improvement.shipped');
    spec
      .given([proposed, shipped])
      .when({ type: 'ShipImprovement', messages: { en: 'Something else' }, by, at })
      .thenThrows('improvement.shipped');
    spec
      .given([proposed, cancelled])
      .when({ type: 'StartImprovement', by, at })
      .thenThrows('improvement.cancelled');
    spec
      .given([proposed, cancelled])
      .when({ type: 'ShipImprovement', messages, by, at })
      .thenThrows('improvement.cancelled');
    spec
      .given([proposed, cancelled])
      .when(link([['f-1', 'c-1']]))
      .thenThrows('improvement.cancelled');
  });

  it('answers a refused state change with a conflict (409), a missing message as invalid (422)', () => {
    expect(() =>
      improvementDecider.decide(
        { type: 'StartImprovement', by, at },
        spec.given([proposed, shipped]).state,
      ),
    ).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() =>
      improvementDecider.decide(
        { type: 'ShipImprovement', messages: {}, by, at },
        spec.given([proposed]).state,
      ),
    ).toThrow(expect.objectContaining({ kind: 'invalid', field: 'messages.en' }));
  });

  it('links only what is new, once each, also after shipping', () => {
    spec
      .given([proposed, linked(['f-1'], ['c-1'])])
      .when(
        link([
          ['f-1', 'c-1'],
          ['f-2', null],
          ['f-2', null],
          ['f-3', 'c-1'],
        ]),
      )
      .then([linked(['f-2', 'f-3'], [null, 'c-1'])]);
    spec
      .given([proposed, linked(['f-1'], ['c-1'])])
      .when(link([['f-1', 'c-1']]))
      .then([]);
    spec
      .given([proposed, shipped])
      .when(link([['f-9', 'c-9']]))
      .then([linked(['f-9'], ['c-9'])]);
  });

  it('splits a large link into events the store takes', () => {
    const items = Array.from(
      { length: LINKS_PER_EVENT * 2 + 1 },
      (_, i): [string, string | null] => [`f-${i}`, `c-${i % 7}`],
    );
    const events = spec
      .given([proposed])
      .when(link(items))
      .thenEmits([
        { type: 'FeedbackLinked' },
        { type: 'FeedbackLinked' },
        { type: 'FeedbackLinked' },
      ]);
    const state = events.reduce(improvementDecider.evolve, spec.given([proposed]).state);
    expect(state.status !== 'none' && state.linked.size).toBe(items.length);
    expect(state.status !== 'none' && state.linked.get('f-8')).toBe('c-1');
  });

  it('remembers which case a link came from', () => {
    spec
      .given([proposed])
      .when({ ...link([['f-1', 'c-1']]), caseId: 'case-1' } as ImprovementCommand)
      .thenEmits([{ type: 'FeedbackLinked', data: { caseId: 'case-1', feedbackIds: ['f-1'] } }]);
  });
});
