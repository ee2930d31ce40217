import { fieldProblems } from '@heard/http';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FeedbackRequestDto } from './feedback.request.dto';

const valid = {
  kind: 'review',
  channel: 'app',
  storeId: 'S-042',
  customer: { id: 'C-1', email: 'olena@example.com', consent: true },
  rating: 2,
  factors: [{ factor: 'queue_length', score: 3 }],
  text: 'Хліб черствий 😞',
  language: 'uk',
  occurredAt: '2026-11-20T09:30:00+02:00',
  source: { system: 'pos', externalId: 'r-1' },
};

const problemsOf = async (body: unknown) =>
  fieldProblems(
    await validate(plainToInstance(FeedbackRequestDto, body) as object, {
      whitelist: true,
      forbidNonWhitelisted: true,
    }),
  ).map(({ field, rule }) => `${field}:${rule}`);

describe('FeedbackRequestDto', () => {
  it.each([
    ['a full review', valid],
    [
      'an anonymous complaint',
      { kind: 'complaint', channel: 'store', customer: { consent: false } },
    ],
    [
      'a survey answer',
      { kind: 'survey', channel: 'survey', nps: 0, customer: { consent: false } },
    ],
    [
      'praise with JSON nulls for absent fields',
      { ...valid, kind: 'praise', rating: null, storeId: null },
    ],
    ['5,000 emoji', { ...valid, text: '🙂'.repeat(5000) }],
    ['a region subtag', { ...valid, language: 'zh-Hant-TW' }],
  ])('accepts %s', async (_label, body) => {
    expect(await problemsOf(body)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['an unknown kind', { kind: 'rant' }, ['kind:isIn']],
    ['an unknown channel', { channel: 'fax' }, ['channel:isIn']],
    // A missing number also fails its type and range rules: class-validator reports every rule.
    [
      'a review without rating',
      { rating: undefined },
      ['rating:isDefined', 'rating:isInt', 'rating:min', 'rating:max'],
    ],
    ['a rating of 6', { rating: 6 }, ['rating:max']],
    ['a rating of 0', { rating: 0 }, ['rating:min']],
    ['a rating as text', { rating: '5' }, ['rating:isInt', 'rating:min', 'rating:max']],
    ['a rating of 2.5', { rating: 2.5 }, ['rating:isInt']],
    [
      'a survey without nps',
      { kind: 'survey' },
      ['nps:isDefined', 'nps:isInt', 'nps:min', 'nps:max'],
    ],
    ['an nps of 11', { nps: 11 }, ['nps:max']],
    [
      'a factor score of 11',
      { factors: [{ factor: 'queue', score: 11 }] },
      ['factors[0].score:max'],
    ],
    [
      'a factor named twice',
      {
        factors: [
          { factor: 'queue', score: 1 },
          { factor: 'queue', score: 2 },
        ],
      },
      ['factors:arrayUnique'],
    ],
    [
      'a factor that is not a slug',
      { factors: [{ factor: 'Queue Length', score: 1 }] },
      ['factors[0].factor:matches'],
    ],
    ['text over 5,000 characters', { text: 'я'.repeat(5001) }, ['text:isLength']],
    ['empty text', { text: '' }, ['text:isLength']],
    ['a language that is not BCP 47', { language: 'english please' }, ['language:isBcp47']],
    ['a time without offset', { occurredAt: '2026-11-20T09:30:00' }, ['occurredAt:isIsoInstant']],
    [
      'a date that does not exist',
      { occurredAt: '2026-02-30T09:30:00Z' },
      ['occurredAt:isIsoInstant'],
    ],
    ['no customer', { customer: undefined }, ['customer:isDefined', 'customer:isObject']],
    [
      'a customer that is text',
      { customer: 'C-1' },
      ['customer:isObject', 'customer:nestedValidation'],
    ],
    ['a customer without consent', { customer: { id: 'C-1' } }, ['customer.consent:isBoolean']],
    [
      'contact details without consent',
      { customer: { phone: '+380441234567', consent: false } },
      ['customer.consent:contactNeedsConsent'],
    ],
    ['a bad email', { customer: { email: 'nope', consent: true } }, ['customer.email:isEmail']],
    ['a bad phone', { customer: { phone: 'call me', consent: true } }, ['customer.phone:matches']],
    [
      'a source without externalId',
      { source: { system: 'pos' } },
      ['source.externalId:isString', 'source.externalId:isLength', 'source.externalId:matches'],
    ],
    ['an unknown field', { mood: 'sad' }, ['mood:whitelistValidation']],
    [
      'an unknown nested field',
      { customer: { consent: false, age: 3 } },
      ['customer.age:whitelistValidation'],
    ],
    ['a store id with a slash', { storeId: 'S/1' }, ['storeId:matches']],
  ])('refuses %s', async (_label, change, expected) => {
    const body = { ...valid, ...change };
    expect((await problemsOf(body)).sort()).toEqual([...expected].sort());
  });

  it('refuses too many factors without validating each of thousands', async () => {
    const problems = await problemsOf({ ...valid, factors: Array(5_000).fill(0) });
    expect(problems).toContain('factors:arrayMaxSize');
    expect(problems.filter((p) => p.startsWith('factors[')).length).toBeLessThanOrEqual(51);
  });
});
