import { CustomerContact, customerDeliveryVerdict, noticeLocaleOf } from './delivery-policy';
import { quietHoursEnd } from './quiet-hours';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const contact = (over: Partial<CustomerContact> = {}): CustomerContact => ({
  erased: false,
  channels: [{ channel: 'email', address: 'a@example.com' }],
  locale: 'uk-UA',
  consents: { case_updates: { given: true }, you_changed_this: { given: true } },
  quietHours: null,
  ...over,
});

describe('customer delivery verdict', () => {
  it('sends in the first channel, in the customer locale', () => {
    expect(customerDeliveryVerdict('case_reply', contact(), false, NOW)).toEqual({
      kind: 'send',
      channel: 'email',
      address: 'a@example.com',
      locale: 'uk',
    });
  });

  it.each<[string, Partial<CustomerContact>, string, boolean]>([
    ['erased', { erased: true }, 'erased', false],
    ['withdrawn consent', { consents: { you_changed_this: { given: false } } }, 'opted_out', false],
    [
      'no consent for the purpose',
      { consents: { case_updates: { given: true } } },
      'no_consent',
      false,
    ],
    ['no preferences', { channels: null }, 'no_consent', false],
    ['an e-mail without address', { channels: [{ channel: 'email' }] }, 'no_address', false],
    ['a cancelled improvement', {}, 'improvement_cancelled', true],
  ])('suppresses for %s', (_what, over, reason, cancelled) => {
    expect(customerDeliveryVerdict('you_changed_this', contact(over), cancelled, NOW)).toEqual({
      kind: 'suppress',
      reason,
    });
  });

  it('defers within quiet hours until they end, but never an in-app notice', () => {
    const quietHours = { from: '11:00', to: '13:30', timeZone: 'Europe/Kyiv' };
    expect(customerDeliveryVerdict('case_reply', contact({ quietHours }), false, NOW)).toEqual({
      kind: 'defer',
      until: new Date('2026-12-01T11:30:00.000Z'),
    });
    const inApp = contact({ quietHours, channels: [{ channel: 'in_app' }] });
    expect(customerDeliveryVerdict('case_reply', inApp, false, NOW).kind).toBe('send');
  });

  it('falls back to en', () => {
    expect(noticeLocaleOf('de-DE')).toBe('en');
    expect(noticeLocaleOf(null)).toBe('en');
    expect(noticeLocaleOf('ru')).toBe('ru');
  });
});

describe('quiet hours', () => {
  it('spans midnight and ends the next morning', () => {
    const window = { from: '22:00', to: '08:00', timeZone: 'UTC' };
    expect(quietHoursEnd(window, new Date('2026-12-01T23:15:00Z'))).toEqual(
      new Date('2026-12-02T08:00:00Z'),
    );
    expect(quietHoursEnd(window, new Date('2026-12-02T07:59:00Z'))).toEqual(
      new Date('2026-12-02T08:00:00Z'),
    );
    expect(quietHoursEnd(window, new Date('2026-12-02T08:00:00Z'))).toBeNull();
  });
});
