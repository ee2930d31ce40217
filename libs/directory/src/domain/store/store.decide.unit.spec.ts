import { ADMIN, AT, LATER, putStoreCommand } from '../../testing/directory-commands';
import { deciderSpec } from '../../testing/decider-spec';
import { storeDecider } from './store.decider';
import { StoreDefined } from './store.events';

const spec = deciderSpec(storeDecider);

const defined: StoreDefined = {
  type: 'StoreDefined',
  data: {
    storeId: 'S-042',
    name: 'Harbour Street',
    regionId: 'R-N',
    timezone: 'Europe/Berlin',
    managerId: 'M-42',
    calendarId: null,
    at: AT,
    by: ADMIN,
  },
};

describe('store decider', () => {
  it('defines a new store', () => {
    spec.given([]).when(putStoreCommand()).then([defined]);
  });

  it('records a new manager as a change, with when and by whom', () => {
    spec
      .given([defined])
      .when(putStoreCommand({ managerId: 'M-7', at: LATER, by: 'admin-2' }))
      .then([
        {
          type: 'StoreChanged',
          data: { ...defined.data, managerId: 'M-7', at: LATER, by: 'admin-2' },
        },
      ]);
  });

  it('treats a put of the same content as no change, whoever sends it and whenever', () => {
    spec
      .given([defined])
      .when(putStoreCommand({ at: LATER, by: 'admin-2' }))
      .thenNothing();
  });

  it('treats the same zone in another spelling as no change', () => {
    spec
      .given([defined])
      .when(putStoreCommand({ timezone: 'europe/berlin' }))
      .thenNothing();
  });

  it('reads a store defined before calendars existed as having none, so the same put is no change', () => {
    const { calendarId: _none, ...before } = defined.data;
    spec
      .given([{ type: 'StoreDefined', data: before } as StoreDefined])
      .when(putStoreCommand({ at: LATER }))
      .thenNothing();
  });

  it('names a calendar, and records taking it away as a change', () => {
    const named: StoreDefined = {
      type: 'StoreDefined',
      data: { ...defined.data, calendarId: 'kyiv-stores' },
    };
    spec
      .given([])
      .when(putStoreCommand({ calendarId: 'kyiv-stores' }))
      .then([named]);
    spec
      .given([named])
      .when(putStoreCommand({ calendarId: null }))
      .then([{ type: 'StoreChanged', data: defined.data }]);
  });

  it('refuses a calendar id that cannot be part of a stream name', () => {
    spec
      .given([])
      .when(putStoreCommand({ calendarId: 'kyiv stores' }))
      .thenRefuses({ code: 'directory.invalid_id', field: 'calendarId' });
  });

  it('can make the manager post vacant', () => {
    spec
      .given([defined])
      .when(putStoreCommand({ managerId: null }))
      .then([{ type: 'StoreChanged', data: { ...defined.data, managerId: null } }]);
  });

  it('normalises the time to UTC', () => {
    spec
      .given([])
      .when(putStoreCommand({ at: '2026-03-01T10:00:00+01:00' }))
      .then([defined]);
  });

  it.each([['Mars/Olympus'], ['+01:00'], [''], ['CET ']])(
    'refuses the time zone %j',
    (timezone) => {
      spec
        .given([])
        .when(putStoreCommand({ timezone }))
        .thenRefuses({ code: 'directory.invalid_timezone', field: 'timezone' });
    },
  );

  it('refuses an id that cannot be part of a stream name', () => {
    spec
      .given([])
      .when(putStoreCommand({ storeId: 'S 042' }))
      .thenRefuses({ code: 'directory.invalid_id', field: 'storeId' });
  });

  it('refuses a blank name', () => {
    spec
      .given([])
      .when(putStoreCommand({ name: '   ' }))
      .thenRefuses({ code: 'directory.invalid_text', field: 'name' });
  });

  it.each([['yesterday'], ['2026-03-01T09:00:00'], ['2026-13-01T09:00:00Z']])(
    'refuses the time %j',
    (at) => {
      spec
        .given([])
        .when(putStoreCommand({ at }))
        .thenRefuses({ code: 'directory.invalid_time', field: 'at' });
    },
  );
});
