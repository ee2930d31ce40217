import { FixedClock, waitFor } from '@heard/event-store/testing';
import { ApiClient } from './support/api-client';
import {
  embeddedDeployment,
  HeardUnderTest,
  postgresDeployment,
  startHeard,
} from './support/heard-under-test';
import { business, FRIDAY_1755, putOdesaStore } from './support/odesa-friday';

interface Figures {
  due: number;
  met: number;
  breached: number;
  shareMet: number | null;
  measured: number;
  businessMs: { median: number | null; p90: number | null };
  wallClockMs: { median: number | null; p90: number | null };
}
interface Group {
  key: string | null;
  targets: { firstResponse: Figures; nextUpdate: Figures; resolution: Figures };
}
interface Compliance {
  groups: Group[];
}
interface WhatIf {
  cases: number;
  actual: Group[];
  draft: Group[];
}
interface TimelineEntry {
  type: string;
}

const shops = (policyId: string, resolution: string) => ({
  policyId,
  name: `Shop complaints: ${resolution} of business time`,
  targets: { resolution: business(resolution) },
  escalation: [{ to: { kind: 'region_lead' }, mode: 'owner', target: business('PT4H') }],
});
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PERIOD = { from: '2026-12-04T00:00:00+02:00', to: '2026-12-06T00:00:00+02:00' };
const QUERY = `from=${encodeURIComponent(PERIOD.from)}&to=${encodeURIComponent(PERIOD.to)}`;

/**
 * Three complaints at 17:55 on a Friday, for a store open 08:00–22:00 Monday to Saturday, under
 * 8 business hours to resolve: one resolved at 19:55, two breach at 11:55 on Saturday and go to
 * the region's lead, who resolves one of them at 12:30. Compliance counts it; a what-if with 12
 * business hours finds no breach, and compliance reads the same afterwards.
 */
describe.each([embeddedDeployment, postgresDeployment])(
  'SLA compliance and a what-if on $name',
  (deployment) => {
    jest.setTimeout(60_000);
    let heard: HeardUnderTest;
    const clock = new FixedClock(new Date(FRIDAY_1755));

    beforeAll(async () => {
      heard = await startHeard(deployment, { clock });
      const admin = heard.as('admin-1', 'cx_admin');
      const put = async (path: string, body: unknown) =>
        expect({ path, status: (await admin.put(path, body)).status }).toEqual({
          path,
          status: 200,
        });
      await putOdesaStore(admin);
      await put('/v1/sla-policies', { policies: [], defaultPolicy: shops('shops', 'PT8H') });
    }, 60_000);
    afterAll(() => heard?.close());

    const resolve = async (who: ApiClient, caseId: string) => {
      const current = await who.get(`/v1/cases/${caseId}`);
      const answer = await who.post(
        `/v1/cases/${caseId}/resolve`,
        { code: 'fixed', summary: 'second till', customerMessage: 'A second till now opens.' },
        { 'if-match': current.headers.get('etag') as string },
      );
      expect(answer.status).toBe(200);
    };

    it('counts the breaches, and a looser draft replayed over the same cases has none', async () => {
      const manager = heard.as('M-42', 'store_manager');
      const lead = heard.as('RM-1', 'regional_manager');
      const caseIds: string[] = [];
      // Three customers: one customer's similar open cases at one store would merge.
      for (const [customerId, text] of [
        ['C-1', 'One till open'],
        ['C-2', 'No bread'],
        ['C-3', 'Dirty floor'],
      ]) {
        const submitted = await heard
          .as(customerId, 'customer')
          .post<{ feedbackId: string }>('/v1/feedback', {
            kind: 'complaint',
            channel: 'store',
            storeId: 'S-042',
            customer: { id: customerId, consent: true },
            text,
            language: 'en',
          });
        expect(submitted.status).toBe(202);
        caseIds.push(submitted.body.feedbackId);
      }
      const timeline = async (caseId: string) =>
        (await manager.get<{ timeline: TimelineEntry[] }>(`/v1/cases/${caseId}`)).body.timeline ??
        [];
      const until = (caseId: string, type: string) =>
        waitFor(async () => (await timeline(caseId)).some((e) => e.type === type), {
          timeoutMs: 15_000,
          what: `${type} on ${caseId}`,
        });
      for (const caseId of caseIds) await until(caseId, 'SlaApplied');

      // Friday 19:55: two business hours.
      clock.advance(2 * HOUR);
      await resolve(manager, caseIds[0]);
      // Saturday 11:56: 4 h 05 on Friday and 3 h 55 on Saturday have run out for the other two.
      clock.advance((16 * 60 + 1) * MINUTE);
      await until(caseIds[1], 'CaseEscalated');
      await until(caseIds[2], 'CaseEscalated');
      // Saturday 12:30: the lead resolves one; 8 h 35 of business time, 18 h 35 on the wall.
      clock.advance(34 * MINUTE);
      await resolve(lead, caseIds[1]);

      const compliance = async (who: ApiClient) =>
        (await who.get<Compliance>(`/v1/sla/compliance?${QUERY}&groupBy=store`)).body;
      const expected = {
        due: 3,
        met: 1,
        breached: 2,
        shareMet: 1 / 3,
        measured: 2,
        businessMs: { median: 2 * HOUR, p90: 8 * HOUR + 35 * MINUTE },
        wallClockMs: { median: 2 * HOUR, p90: 18 * HOUR + 35 * MINUTE },
      };
      await waitFor(
        async () => (await compliance(lead)).groups[0]?.targets.resolution.measured === 2,
        { timeoutMs: 15_000, what: 'the resolution in the compliance read model' },
      );
      const before = await compliance(lead);
      expect(before.groups.map((g) => [g.key, g.targets.resolution])).toEqual([
        ['S-042', expected],
      ]);

      const answer = await lead.post<WhatIf>('/v1/sla/what-if', {
        policies: [],
        defaultPolicy: shops('looser', 'PT12H'),
        ...PERIOD,
        groupBy: 'store',
      });
      expect(answer.status).toBe(200);
      expect(answer.body.cases).toBe(3);
      expect(answer.body.actual.map((g) => [g.key, g.targets.resolution])).toEqual([
        ['S-042', expected],
      ]);
      // 12 business hours run out at 15:55 on Saturday: the case still open is not late yet.
      expect(answer.body.draft.map((g) => [g.key, g.targets.resolution])).toEqual([
        ['S-042', { ...expected, met: 2, breached: 0, shareMet: 1 }],
      ]);
      expect(await compliance(lead)).toEqual(before);
      expect(await compliance(heard.as('admin-1', 'cx_admin'))).toEqual(before);
    });
  },
);
