import { triage, TriageInput } from './triage';

const input = (over: Partial<TriageInput>): TriageInput => ({
  kind: 'review',
  rating: null,
  nps: null,
  category: null,
  text: null,
  ...over,
});

describe('triage', () => {
  it.each([
    ['a complaint', input({ kind: 'complaint' }), true],
    ['a 1-star review', input({ rating: 1 }), true],
    ['a 2-star review', input({ rating: 2 }), true],
    ['a 3-star review', input({ rating: 3 }), false],
    ['an NPS detractor (6)', input({ kind: 'survey', nps: 6 }), true],
    ['an NPS passive (7)', input({ kind: 'survey', nps: 7 }), false],
    ['praise', input({ kind: 'praise', text: 'thank you' }), false],
  ])('opens a case for %s: %s', (_label, given, needsCase) => {
    expect(triage(given).needsCase).toBe(needsCase);
  });

  it('finds category and severity from Russian, Ukrainian and English keywords, saying why', () => {
    const ru = triage(input({ kind: 'complaint', text: 'Кассир нагрубил, очень грубо' }));
    expect(ru).toMatchObject({ category: 'staff', severity: 'high', sentiment: 'negative' });
    expect(ru.reasons).toContain("keyword 'груб' (staff)");
    const uk = triage(input({ kind: 'complaint', text: 'Хліб черствий, вже вдруге' }));
    expect(uk).toMatchObject({ category: 'product_quality', severity: 'medium' });
    const en = triage(input({ rating: 1, text: 'I think I got food poisoning from the salad' }));
    expect(en).toMatchObject({ category: 'food_safety', severity: 'critical' });
  });

  it('keeps a given category and matches stems only at word starts', () => {
    expect(
      triage(input({ kind: 'complaint', category: 'delivery', text: 'rude courier' })).category,
    ).toBe('delivery');
    expect(triage(input({ kind: 'suggestion', text: 'order online please' })).category).toBe(
      'other',
    );
  });

  it('does not raise severity of positive feedback for an incidental keyword', () => {
    const result = triage(input({ kind: 'praise', text: 'Thanks, no queue at all today!' }));
    expect(result).toMatchObject({
      sentiment: 'positive',
      severity: 'low',
      category: 'queue',
      needsCase: false,
    });
  });

  it('reads negative words in suggestions as negative sentiment without opening a case', () => {
    expect(triage(input({ kind: 'suggestion', text: 'Ужасная парковка' }))).toMatchObject({
      sentiment: 'negative',
      needsCase: false,
    });
  });
});
