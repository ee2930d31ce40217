import { waitFor } from '@heard/event-store/testing';
import { embeddedDeployment, HeardUnderTest, startHeard } from './support/heard-under-test';

interface CaseAnswer {
  timeline: { type: string; when: string }[];
}

/**
 * On real time, as `npm start` runs (subscriptions and the SLA poller in their worker thread): a
 * three-second target warns, breaches and escalates with nobody driving anything.
 */
describe('a PT3S target under the embedded default', () => {
  // Its waits have deadlines of their own, longer than jest's 5 s default.
  jest.setTimeout(60_000);
  let heard: HeardUnderTest;

  beforeAll(async () => {
    heard = await startHeard(embeddedDeployment);
    const admin = heard.as('admin-1', 'cx_admin');
    const put = async (path: string, body: unknown) =>
      expect({ path, status: (await admin.put(path, body)).status }).toEqual({ path, status: 200 });
    await put('/v1/people/RM-1', { name: 'Olena', roles: ['regional_manager'], locale: 'uk-UA' });
    await put('/v1/regions/R-SOUTH', { name: 'South', leadId: 'RM-1' });
    await put('/v1/stores/S-042', {
      name: 'Odesa Privoz',
      regionId: 'R-SOUTH',
      timezone: 'Europe/Kyiv',
      managerId: null,
    });
    const seconds = (n: number) => ({ duration: `PT${n}S`, calendar: '24x7' });
    await put('/v1/sla-policies', {
      policies: [],
      defaultPolicy: {
        policyId: 'fast',
        name: 'Three seconds',
        targets: { resolution: seconds(3) },
        escalation: [{ to: { kind: 'region_lead' }, mode: 'owner', target: seconds(3600) }],
      },
    });
  }, 60_000);
  afterAll(() => heard?.close());

  it('warns, breaches and escalates on its own, each within the poll interval', async () => {
    const customer = heard.as('C-1', 'customer');
    const submitted = await customer.post<{ feedbackId: string }>('/v1/feedback', {
      kind: 'complaint',
      channel: 'store',
      storeId: 'S-042',
      customer: { id: 'C-1', consent: true },
      text: 'Nobody at the counter',
      language: 'en',
    });
    expect(submitted.status).toBe(202);
    const admin = heard.as('admin-1', 'cx_admin');
    const path = `/v1/cases/${submitted.body.feedbackId}`;
    let timeline: CaseAnswer['timeline'] = [];
    await waitFor(
      async () => {
        const answer = await admin.get<CaseAnswer>(path);
        timeline = answer.status === 200 ? answer.body.timeline : [];
        return timeline.some((e) => e.type === 'CaseEscalated');
      },
      { timeoutMs: 20_000, what: 'the three-second target warned, breached and escalated' },
    );
    const at = (type: string) => Date.parse(timeline.find((e) => e.type === type)?.when ?? '');
    const opened = at('CaseOpened');
    expect(at('SlaWarned') - opened).toBeGreaterThanOrEqual(2_400);
    expect(at('SlaBreached') - opened).toBeGreaterThanOrEqual(3_000);
    // The poller looks every 250 ms; the issue allows 1.5 s at p99 under load.
    expect(at('SlaBreached') - opened).toBeLessThan(3_000 + 1_500);
    // The thread posts each tick to the API thread, whose /metrics counts them: the tick may
    // arrive a moment after the events it appended can be read.
    let metrics = '';
    await waitFor(
      async () => {
        metrics = await (await fetch(`${heard.url}/metrics`)).text();
        // The counter shows 0 until the tick is counted.
        return /^heard_sla_timers_fired_total\{kind="breach"\} [1-9]\d*$/m.test(metrics);
      },
      { timeoutMs: 5_000, what: 'the breach tick counted on /metrics' },
    );
    expect(metrics).toMatch(/^heard_sla_timers_fired_total\{kind="breach"\} 1$/m);
    expect(metrics).toMatch(/^heard_sla_timer_delay_seconds_count\{kind="breach"\} 1$/m);
    expect(metrics).toMatch(/^heard_sla_timer_poll_duration_seconds_count [1-9]\d*$/m);
  });
});
