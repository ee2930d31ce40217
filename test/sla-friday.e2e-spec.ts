import { FixedClock, waitFor } from '@heard/event-store/testing';
import {
  embeddedDeployment,
  HeardUnderTest,
  postgresDeployment,
  startHeard,
} from './support/heard-under-test';
import { business, FRIDAY_1755, putOdesaStore } from './support/odesa-friday';

interface TimelineEntry {
  type: string;
  text: string;
}
interface CaseAnswer {
  caseId: string;
  ownerId: string | null;
  timeline: TimelineEntry[];
  sla?: {
    policyId: string;
    state: string | null;
    nearestDueAt: string | null;
    targets: { target: string; dueAt: string | null; leftMs: number; state: string }[];
  } | null;
}
interface CasePage {
  items: { caseId: string; ownerId: string | null; slaState?: string | null }[];
}

const MINUTE = 60_000;

/**
 * The proof, with the clock driven: a complaint at 17:55 on a Friday, for a store open
 * 08:00–22:00 Monday to Saturday, under an 8-hour business-time resolution target: it warns on
 * Saturday morning, breaches at 11:55 on Saturday (4 h 05 on Friday, 3 h 55 on Saturday), and
 * goes to the region's lead, who finds it in their assignments.
 */
describe.each([embeddedDeployment, postgresDeployment])(
  'an SLA over a weekend on $name',
  (deployment) => {
    // Its waits have deadlines of their own, longer than jest's 5 s default.
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
      await put('/v1/sla-policies', {
        policies: [],
        defaultPolicy: {
          policyId: 'shops',
          name: 'Shop complaints: 8 business hours',
          targets: { resolution: business('PT8H') },
          escalation: [{ to: { kind: 'region_lead' }, mode: 'owner', target: business('PT4H') }],
        },
      });
    }, 60_000);
    afterAll(() => heard?.close());

    it("warns, breaches on Saturday at 11:55 and hands the case to the region's lead", async () => {
      const customer = heard.as('C-1', 'customer');
      const manager = heard.as('M-42', 'store_manager');
      const lead = heard.as('RM-1', 'regional_manager');
      const submitted = await customer.post<{ feedbackId: string }>('/v1/feedback', {
        kind: 'complaint',
        channel: 'store',
        storeId: 'S-042',
        customer: { id: 'C-1', consent: true },
        text: 'One till open at six on a Friday',
        language: 'en',
      });
      expect(submitted.status).toBe(202);
      const caseId = submitted.body.feedbackId;
      const timeline = async () =>
        (await manager.get<CaseAnswer>(`/v1/cases/${caseId}`)).body.timeline ?? [];
      const until = (what: string, holds: (t: TimelineEntry[]) => boolean) =>
        waitFor(async () => holds(await timeline()), { timeoutMs: 15_000, what });
      await until('the SLA recorded', (t) => t.some((e) => e.type === 'SlaApplied'));
      expect((await timeline()).find((e) => e.type === 'SlaApplied')?.text).toBe(
        'Heard applied SLA policy shops (policy set version 1), business time counted calendar odesa-shops version 1 in Europe/Kyiv',
      );

      const sla = async () => (await manager.get<CaseAnswer>(`/v1/cases/${caseId}`)).body.sla;
      expect(await sla()).toMatchObject({
        policyId: 'shops',
        policySetVersion: 1,
        state: 'ok',
        nearestDueAt: '2026-12-05T09:55:00.000Z',
        targets: [{ target: 'resolution', leftMs: 8 * 60 * MINUTE, state: 'running' }],
      });

      // Saturday 10:20 in Kyiv: 4 h 05 on Friday and 2 h 20 on Saturday, past 80% of 8 hours.
      clock.advance((16 * 60 + 25) * MINUTE);
      await until('the warning', (t) => t.some((e) => e.type === 'SlaWarned'));
      const warned = (await timeline()).find((e) => e.type === 'SlaWarned');
      expect(warned?.text).toBe(
        'Heard warned that the resolution target is due 2026-12-05T09:55:00.000Z',
      );
      expect((await timeline()).some((e) => e.type === 'SlaBreached')).toBe(false);
      expect(await sla()).toMatchObject({
        state: 'warning',
        targets: [{ dueAt: '2026-12-05T09:55:00.000Z', leftMs: 95 * MINUTE, state: 'running' }],
      });

      // Saturday 11:56.
      clock.advance(96 * MINUTE);
      await until('the escalation', (t) => t.some((e) => e.type === 'CaseEscalated'));
      const lines = await timeline();
      expect(lines.map((e) => e.type).slice(-3)).toEqual([
        'SlaBreached',
        'CaseEscalated',
        'CaseAssigned',
      ]);
      expect(lines.find((e) => e.type === 'CaseEscalated')?.text).toMatch(
        /^Heard escalated the case to RM-1 \(level 1, as owner\): the resolution target due 2026-12-05T09:55:00.000Z was missed/,
      );
      await waitFor(
        async () =>
          (await lead.get<CasePage>('/v1/me/assignments')).body.items?.some(
            (c) => c.caseId === caseId && c.ownerId === 'RM-1',
          ) ?? false,
        { timeoutMs: 15_000, what: "the case in the region lead's assignments" },
      );
      await waitFor(
        async () =>
          (await lead.get<CasePage>('/v1/me/assignments?slaState=breached')).body.items.some(
            (c) => c.caseId === caseId && c.slaState === 'breached',
          ),
        { timeoutMs: 15_000, what: "the breach in the lead's assignments" },
      );
      expect((await lead.get<CasePage>('/v1/me/assignments?slaState=ok')).body.items).toEqual([]);
      // What the customer reads of it: nothing of the SLA's inner workings.
      const seen = await customer.get<CaseAnswer>(`/v1/cases/${caseId}`);
      expect(seen.body.timeline.map((e) => e.type)).not.toContain('SlaBreached');
      expect(seen.body).not.toHaveProperty('sla');
      // The lead's own target: 4 business hours from the escalation at 11:56.
      expect(await sla()).toMatchObject({
        state: 'breached',
        escalationLevel: 1,
        targets: [{ target: 'resolution', dueAt: '2026-12-05T13:56:00.000Z', state: 'running' }],
      });
    });
  },
);
