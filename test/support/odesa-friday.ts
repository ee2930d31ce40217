import { ApiClient } from './api-client';

/** Friday 4 December 2026, 17:55 in Kyiv (UTC+2): where the SLA proofs start their clock. */
export const FRIDAY_1755 = '2026-12-04T15:55:00.000Z';

export const business = (duration: string) => ({ duration, calendar: 'business' });

/**
 * The store of the SLA proofs, as a cx_admin sets it up: S-042 in region R-SOUTH (lead RM-1,
 * manager M-42), open 08:00–22:00 Monday to Saturday in Europe/Kyiv. Every PUT must answer 200.
 */
export async function putOdesaStore(admin: ApiClient): Promise<void> {
  const put = async (path: string, body: unknown) =>
    expect({ path, status: (await admin.put(path, body)).status }).toEqual({ path, status: 200 });
  await put('/v1/people/RM-1', { name: 'Olena', roles: ['regional_manager'], locale: 'uk-UA' });
  await put('/v1/people/M-42', { name: 'Anna', roles: ['store_manager'], locale: 'uk-UA' });
  await put('/v1/regions/R-SOUTH', { name: 'South', leadId: 'RM-1' });
  const open = [{ from: '08:00', to: '22:00' }];
  await put('/v1/calendars/odesa-shops', {
    timeZone: 'Europe/Kyiv',
    week: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open },
  });
  await put('/v1/stores/S-042', {
    name: 'Odesa Privoz',
    regionId: 'R-SOUTH',
    timezone: 'Europe/Kyiv',
    managerId: 'M-42',
    calendarId: 'odesa-shops',
  });
}
