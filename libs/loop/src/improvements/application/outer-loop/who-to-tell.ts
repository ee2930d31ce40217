import { ActiveImprovement } from '../../domain/improvement.state';

export interface Told {
  readonly customerId: string;
  /** Every item of theirs linked to the improvement, in the order linked. */
  readonly feedbackIds: readonly string[];
}

/** The improvement's linked items by customer, anonymous ones left out: one entry per customer. */
export function linkedByCustomer(state: ActiveImprovement): Map<string, string[]> {
  const byCustomer = new Map<string, string[]>();
  for (const [feedbackId, customerId] of state.linked) {
    if (customerId === null) continue;
    const items = byCustomer.get(customerId);
    if (items) items.push(feedbackId);
    else byCustomer.set(customerId, [feedbackId]);
  }
  return byCustomer;
}

/**
 * Who hears of it at this event: everyone linked when it ships; once shipped, the customers of
 * the newly linked items (those told before get nothing new: their notice id is the same).
 */
export function whoToTell(
  state: ActiveImprovement,
  event: { readonly type: string; readonly newCustomerIds?: readonly (string | null)[] },
): Told[] {
  if (state.status !== 'shipped') return [];
  const byCustomer = linkedByCustomer(state);
  const customers =
    event.type === 'ImprovementShipped'
      ? [...byCustomer.keys()]
      : [...new Set((event.newCustomerIds ?? []).filter((c): c is string => c !== null))];
  return customers.map((customerId) => ({
    customerId,
    feedbackIds: byCustomer.get(customerId) ?? [],
  }));
}
