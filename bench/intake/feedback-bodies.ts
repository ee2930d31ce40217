/** A realistic mix: most feedback is a review, a third are complaints that open cases. */
export function feedbackBody(i: number, storeIds: readonly string[]): Record<string, unknown> {
  const storeId = storeIds[i % storeIds.length];
  const customer = { id: `C-${i % 5000}`, consent: true };
  if (i % 3 === 0) {
    return {
      kind: 'complaint',
      channel: 'store',
      storeId,
      customer,
      text: 'Очередь на кассе 20 минут',
      language: 'ru',
    };
  }
  return {
    kind: 'review',
    channel: 'app',
    storeId,
    customer,
    rating: 4 + (i % 2),
    text: 'Дякую, все добре',
    language: 'uk',
  };
}

export function complaintBody(
  i: number,
  storeIds: readonly string[],
  category: string,
): Record<string, unknown> {
  return {
    kind: 'complaint',
    channel: 'web',
    storeId: storeIds[i % storeIds.length],
    // A customer per complaint: the same customer, store and category would merge into one case.
    customer: { id: `L-${i}`, consent: true },
    category,
    text: 'The queue did not move for 20 minutes',
  };
}
