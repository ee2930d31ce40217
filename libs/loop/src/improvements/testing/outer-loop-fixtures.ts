import { changePreferences, ContactChannel, customerStreamId } from '@heard/customers';
import { EventStore, handleCommand } from '@heard/event-store';
import { FeedbackToLink, ImprovementCommand } from '../domain/improvement.commands';
import { improvementDecider } from '../domain/improvement.decider';
import { improvementStreamId } from '../improvement.events';

export const T0 = '2026-11-20T10:00:00.000Z';

/** A customer's preferences: consent to `you_changed_this` or not, channels in order. */
export async function givePreferences(
  store: EventStore,
  customerId: string,
  options: { consent: boolean; channels?: ContactChannel[] },
): Promise<void> {
  const channels = (options.channels ?? ['email']).map((channel) =>
    channel === 'email' ? { channel, address: `${customerId}@example.com` } : { channel },
  );
  await changePreferences(store, {
    type: 'SetPreferences',
    customerId,
    channels,
    locale: 'en',
    consents: { you_changed_this: { given: options.consent, how: 'api' } },
    quietHours: null,
    by: customerId,
    at: T0,
  });
}

export async function optOut(store: EventStore, customerId: string): Promise<void> {
  await changePreferences(store, {
    type: 'OptOut',
    customerId,
    purpose: 'you_changed_this',
    via: 'opt_out_link',
    at: T0,
  });
}

export async function erase(store: EventStore, customerId: string): Promise<void> {
  await store.append(
    customerStreamId(customerId),
    [{ type: 'CustomerErased', data: { customerId, by: 'cx-1', at: T0 } }],
    { expectedVersion: 'any' },
  );
}

/** Runs one command on `improvement-<id>` as the API would. */
export const onImprovement = (
  store: EventStore,
  improvementId: string,
  command: ImprovementCommand,
) => handleCommand(store, improvementStreamId(improvementId), improvementDecider, command);

export async function proposeImprovement(store: EventStore, improvementId: string): Promise<void> {
  await onImprovement(store, improvementId, {
    type: 'ProposeImprovement',
    improvementId,
    title: 'Second till at peak hours',
    description: 'A second till opens whenever more than four people queue',
    storeIds: ['S-1'],
    categories: ['queue'],
    owner: 'M-1',
    by: 'cx-1',
    at: T0,
  });
}

export const linkFeedback = (
  store: EventStore,
  improvementId: string,
  feedback: readonly FeedbackToLink[],
  at = T0,
) => onImprovement(store, improvementId, { type: 'LinkFeedback', feedback, by: 'cx-1', at });

export const shipImprovement = (store: EventStore, improvementId: string, at = T0) =>
  onImprovement(store, improvementId, {
    type: 'ShipImprovement',
    messages: { en: 'A second till opens at peak hours' },
    by: 'cx-1',
    at,
  });
