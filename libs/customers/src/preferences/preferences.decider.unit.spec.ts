import { CustomerErased } from '../erasure/customer-erased.event';
import { OptOut, RecordContactGiven, SetPreferences } from './preferences.commands';
import { preferencesDecider } from './preferences.decider';
import { ContactPreferencesSet, OptedOut, PreferenceEvent } from './preferences.events';
import { evolvePreferences, initialPreferencesState } from './preferences.evolve';

const AT = '2026-12-01T10:00:00.000Z';
const LATER = '2026-12-02T08:00:00.000Z';

const setCommand = (over: Partial<SetPreferences> = {}): SetPreferences => ({
  type: 'SetPreferences',
  customerId: 'C-7',
  channels: [
    { channel: 'sms', address: '+380501234567' },
    { channel: 'email', address: 'olena@example.com' },
  ],
  locale: 'uk',
  consents: { case_updates: { given: true, how: 'api' } },
  quietHours: { from: '22:00', to: '08:00', timeZone: 'Europe/Kyiv' },
  by: 'C-7',
  at: AT,
  ...over,
});

const set: ContactPreferencesSet = {
  type: 'ContactPreferencesSet',
  data: {
    customerId: 'C-7',
    channels: ['sms', 'email'],
    locale: 'uk',
    consents: { case_updates: { given: true, at: AT, how: 'api' } },
    quietHours: { from: '22:00', to: '08:00', timeZone: 'Europe/Kyiv' },
    personal: { addresses: ['+380501234567', 'olena@example.com'] },
    by: 'C-7',
    at: AT,
  },
};

const optOut = (purpose: OptOut['purpose'], at = LATER): OptOut => ({
  type: 'OptOut',
  customerId: 'C-7',
  purpose,
  via: 'opt_out_link',
  at,
});

const optedOut = (purpose: OptedOut['data']['purpose']): OptedOut => ({
  type: 'OptedOut',
  data: { customerId: 'C-7', purpose, via: 'opt_out_link', at: LATER },
});

const erased: CustomerErased = {
  type: 'CustomerErased',
  data: { customerId: 'C-7', by: 'admin-1', at: LATER },
};

const decide = (
  history: readonly PreferenceEvent[],
  command: SetPreferences | OptOut | RecordContactGiven,
) =>
  preferencesDecider.decide(
    command,
    history.reduce(preferencesDecider.evolve, preferencesDecider.initialState()),
  );
const fold = (history: readonly PreferenceEvent[]) =>
  history.reduce(evolvePreferences, initialPreferencesState()).preferences;

describe('preferences decider', () => {
  it('records the preferences with the addresses kept apart as personal data', () => {
    expect(decide([], setCommand())).toEqual([set]);
  });

  it('records nothing when the same preferences are put again, later', () => {
    expect(decide([set], setCommand({ at: LATER }))).toEqual([]);
  });

  it('keeps when and how a consent was given while it says the same', () => {
    const [changed] = decide([set], setCommand({ locale: 'ru', at: LATER }));
    expect(changed).toMatchObject({
      data: { locale: 'ru', consents: { case_updates: { given: true, at: AT, how: 'api' } } },
    });
  });

  it('stamps a consent anew when it changes', () => {
    const command = setCommand({
      consents: {
        case_updates: { given: false, how: 'web' },
        surveys: { given: true, how: 'web' },
      },
      at: LATER,
    });
    const [changed] = decide([set], command);
    expect(changed).toMatchObject({
      data: {
        consents: {
          case_updates: { given: false, at: LATER, how: 'web' },
          surveys: { given: true, at: LATER, how: 'web' },
        },
      },
    });
  });

  it('opts out of one purpose', () => {
    expect(decide([set], optOut('case_updates'))).toEqual([optedOut('case_updates')]);
  });

  it('opts out of every purpose consented to when none is named', () => {
    const both = {
      ...set,
      data: {
        ...set.data,
        consents: { ...set.data.consents, surveys: { given: true, at: AT, how: 'api' } },
      },
    };
    expect(decide([both], optOut(null))).toEqual([optedOut('case_updates'), optedOut('surveys')]);
  });

  it('records an opt-out only once', () => {
    expect(decide([set, optedOut('case_updates')], optOut('case_updates'))).toEqual([]);
  });

  it('records an opt-out from a customer with no preferences yet', () => {
    expect(decide([], optOut('surveys'))).toEqual([optedOut('surveys')]);
  });

  it('folds an opt-out into the consent: withdrawn, when and how', () => {
    expect(fold([set, optedOut('case_updates')])?.consents.case_updates).toEqual({
      given: false,
      at: LATER,
      how: 'opt_out_link',
    });
  });

  it('drops the addresses on CustomerErased and keeps the rest', () => {
    expect(fold([set, erased])).toEqual({
      customerId: 'C-7',
      channels: [{ channel: 'sms' }, { channel: 'email' }],
      locale: 'uk',
      consents: set.data.consents,
      quietHours: set.data.quietHours,
    });
  });

  it('reads a redacted event (key gone) as channels without addresses', () => {
    const redacted = { ...set, data: { ...set.data, personal: { redacted: true } } };
    expect(fold([redacted])?.channels).toEqual([{ channel: 'sms' }, { channel: 'email' }]);
  });

  describe('contact given with feedback', () => {
    const given = (over: Partial<RecordContactGiven> = {}): RecordContactGiven => ({
      type: 'RecordContactGiven',
      customerId: 'C-7',
      email: 'new@example.com',
      consent: true,
      how: 'feedback:F-1',
      by: 'pos-bridge',
      at: LATER,
      ...over,
    });

    it('starts the preferences of a customer with none: the address and case_updates consent', () => {
      expect(decide([], given())).toEqual([
        {
          type: 'ContactPreferencesSet',
          data: {
            customerId: 'C-7',
            channels: ['email'],
            locale: null,
            consents: { case_updates: { given: true, at: LATER, how: 'feedback:F-1' } },
            quietHours: null,
            personal: { addresses: ['new@example.com'] },
            by: 'pos-bridge',
            at: LATER,
          },
        },
      ]);
    });

    it("replaces the address of the channel, keeps the order and the consent's first when", () => {
      const [event] = decide([set], given()) as ContactPreferencesSet[];
      expect(event.data).toMatchObject({
        channels: ['sms', 'email'],
        personal: { addresses: ['+380501234567', 'new@example.com'] },
        consents: { case_updates: { given: true, at: AT, how: 'api' } },
        locale: 'uk',
      });
    });

    it('records nothing when the same contact comes again', () => {
      const first = decide([], given());
      expect(decide(first, given())).toEqual([]);
    });

    it('withdraws no consent when a submission comes without one', () => {
      expect(decide([set], given({ email: undefined, consent: false }))).toEqual([]);
    });
  });
});
