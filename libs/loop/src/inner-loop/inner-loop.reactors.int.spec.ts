import { CaseEvent, caseStreamId } from '@heard/cases';
import { caseOpened, complaint, hoursAfterOpening as hours } from '@heard/cases/testing';
import { changePreferences } from '@heard/customers';
import { seedDirectory } from '@heard/directory/testing';
import { EventStore, handleCommand, RecordedEvent, systemClock } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { PostgresEventStore } from '@heard/event-store-postgres';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { feedbackDecider, feedbackStreamId, ReceiveFeedback } from '@heard/feedback';
import { ProjectionCheckpointEntity, ReactorRunner } from '@heard/projections';
import {
  headPosition,
  postgresSchemaDatabase,
  ReadModelDatabase,
  sqliteFileDatabase,
} from '@heard/projections/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoticeScheduled } from '../notices/notice.events';
import { caseEventNoticeId, staffAlertNoticeId, thankYouNoticeId } from '../notices/notice-id';
import { INNER_LOOP_REACTOR, innerLoopReactors, STAFF_ALERTS_REACTOR } from './inner-loop.reactors';

jest.setTimeout(60_000);

const url = process.env.TEST_DATABASE_URL ?? 'postgres://unset';

interface World {
  readonly store: EventStore;
  readonly database: ReadModelDatabase;
  dispose(): Promise<void>;
}

const WORLDS: [string, () => Promise<World>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'heard-inner-loop-'));
      const store = new SqliteEventStore(join(dir, 'events.sqlite'), systemClock, {
        pollIntervalMs: 20,
      });
      const database = await sqliteFileDatabase();
      return {
        store,
        database,
        dispose: async () => {
          await store.close();
          await database.dispose();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const store = await PostgresEventStore.open({
        connectionString: url,
        schema: `heard_es_inner_loop_${randomBytes(4).toString('hex')}`,
        clock: systemClock,
      });
      const database = await postgresSchemaDatabase(url)();
      return {
        store,
        database,
        dispose: async () => {
          await store.close();
          await database.dispose();
        },
      };
    },
  ],
];

const agent = { id: 'A-1', role: 'agent' } as const;
const customer = { id: 'C-1', role: 'customer' } as const;
const T1 = hours(1);

/** The cases and feedback of the test, and what each should and should not cause. */
async function writeWorld(store: EventStore): Promise<Record<string, RecordedEvent>> {
  await seedDirectory(store);
  const consent = (customerId: string, given: boolean) =>
    changePreferences(store, {
      type: 'SetPreferences',
      customerId,
      channels: [{ channel: 'sms', address: '+380441234567' }, { channel: 'email' }],
      locale: 'uk',
      consents: { case_updates: { given, how: 'api' } },
      quietHours: null,
      by: customerId,
      at: hours(0),
    });
  await consent('C-1', true);
  await consent('C-2', false);
  const caseEvents = async (caseId: string, events: CaseEvent[]) =>
    store.append(caseStreamId(caseId), events, { expectedVersion: 'any' });
  await caseEvents('c-1', [
    caseOpened({ caseId: 'c-1', customerId: 'C-1' }),
    {
      type: 'CaseAssigned',
      data: {
        ownerId: 'M-42',
        teamId: null,
        assignedBy: { kind: 'person', personId: 'A-1' },
        reason: 'x',
        at: T1,
      },
    },
    { type: 'CaseAcknowledged', data: { by: agent, at: T1 } },
    { type: 'NoteAdded', data: { by: agent, at: T1, noteId: 'n-1', text: 'internal' } },
    {
      type: 'ReplySent',
      data: { by: agent, at: hours(2), replyId: 'r-1', fromCustomer: false, text: 'We are on it' },
    },
    {
      type: 'ReplySent',
      data: { by: customer, at: hours(3), replyId: 'r-2', fromCustomer: true, text: 'Thanks' },
    },
    {
      type: 'SlaWarned',
      data: { target: 'resolution', cycle: 1, dueAt: hours(72), at: hours(57) },
    },
    {
      type: 'SlaBreached',
      data: { target: 'resolution', cycle: 1, dueAt: hours(72), lateByMs: 9, at: hours(72) },
    },
    {
      type: 'CaseEscalated',
      data: {
        by: { id: 'heard:sla', role: 'integration' },
        at: hours(72),
        level: 1,
        to: 'RM-1',
        reason: 'missed',
        mode: 'owner',
        missed: { target: 'resolution', cycle: 1, dueAt: hours(72), lateByMs: 9 },
      },
    },
    {
      type: 'CaseAssigned',
      data: {
        ownerId: 'RM-1',
        teamId: null,
        assignedBy: { kind: 'escalation', level: 1 },
        reason: 'x',
        at: hours(72),
      },
    },
    // Nobody to write to: the CX admins are a role, not a person.
    {
      type: 'CaseEscalated',
      data: { by: agent, at: hours(73), level: 2, to: 'cx_admins', reason: 'again' },
    },
    {
      type: 'CaseResolved',
      data: {
        by: agent,
        at: hours(74),
        code: 'fixed',
        summary: 's',
        customerMessage: 'A second till',
      },
    },
  ]);
  // No consent, and anonymous: they hear nothing; nor does a warning on a case in a queue.
  await caseEvents('c-2', [
    caseOpened({ caseId: 'c-2', customerId: 'C-2' }),
    { type: 'CaseAcknowledged', data: { by: agent, at: T1 } },
    {
      type: 'CaseResolved',
      data: { by: agent, at: hours(4), code: 'x', summary: 's', customerMessage: 'm' },
    },
  ]);
  await caseEvents('c-3', [
    caseOpened({ caseId: 'c-3', customerId: null }),
    { type: 'CaseAcknowledged', data: { by: agent, at: T1 } },
    {
      type: 'SlaWarned',
      data: { target: 'firstResponse', cycle: 1, dueAt: hours(2), at: hours(1.5) },
    },
  ]);
  const feedback = (id: string, overrides: Partial<ReceiveFeedback>) =>
    handleCommand(store, feedbackStreamId(id), feedbackDecider, complaint(id, overrides));
  // Consent given with the case's complaint only (no preferences recorded yet): told. Given with
  // the complaint, then withdrawn later: not told.
  await feedback('fb-c5', { customer: { id: 'C-5', consent: true } });
  await caseEvents('c-5', [
    caseOpened({ caseId: 'c-5', customerId: 'C-5', feedbackIds: ['fb-c5'] }),
    { type: 'CaseAcknowledged', data: { by: agent, at: T1 } },
  ]);
  await feedback('fb-c6', { customer: { id: 'C-6', consent: true } });
  await changePreferences(store, {
    type: 'SetPreferences',
    customerId: 'C-6',
    channels: [],
    locale: null,
    consents: { case_updates: { given: false, how: 'api' } },
    quietHours: null,
    by: 'C-6',
    at: hours(0.5),
  });
  await caseEvents('c-6', [
    caseOpened({ caseId: 'c-6', customerId: 'C-6', feedbackIds: ['fb-c6'] }),
    { type: 'CaseAcknowledged', data: { by: agent, at: T1 } },
  ]);
  const praise = { kind: 'praise', category: null, personal: { text: 'Lovely staff' } } as const;
  await feedback('fb-praise-1', { ...praise, customer: { id: 'C-1', consent: false } });
  // Consent given with the feedback alone, before any reactor recorded it as a preference.
  await feedback('fb-praise-4', { ...praise, customer: { id: 'C-4', consent: true } });
  await feedback('fb-praise-2', { ...praise, customer: { id: 'C-2', consent: false } });
  await feedback('fb-praise-anon', { ...praise, customer: { consent: true } });
  await feedback('fb-promoter', {
    kind: 'survey',
    nps: 10,
    category: null,
    customer: { id: 'C-1', consent: true },
  });
  await feedback('fb-complaint', { customer: { id: 'C-1', consent: true } });
  const all = await store.readAll();
  const find = (streamId: string, type: string, index = 0) =>
    all.filter((e) => e.streamId === streamId && e.type === type)[index];
  return {
    ack: find('case-c-1', 'CaseAcknowledged'),
    reply: find('case-c-1', 'ReplySent'),
    resolved: find('case-c-1', 'CaseResolved'),
    warned: find('case-c-1', 'SlaWarned'),
    breached: find('case-c-1', 'SlaBreached'),
    escalated: find('case-c-1', 'CaseEscalated'),
  };
}

const scheduled = async (store: EventStore) =>
  (await store.readAll()).filter(
    (e): e is RecordedEvent<'NoticeScheduled', NoticeScheduled['data']> =>
      e.type === 'NoticeScheduled',
  );

describe.each(WORLDS)('the inner loop and staff alerts on %s', (_name, open) => {
  let world: World;
  let events: Record<string, RecordedEvent>;
  const runners: ReactorRunner[] = [];

  const start = async () => {
    const dataSource = await world.database.open([ProjectionCheckpointEntity]);
    const started = innerLoopReactors({ store: world.store }).map(
      (reactor) => new ReactorRunner(reactor, world.store, dataSource, { concurrency: 8 }),
    );
    for (const runner of started) await runner.start();
    runners.push(...started);
    return started;
  };
  const caughtUp = (running: readonly ReactorRunner[]) =>
    waitFor(
      async () => {
        const head = await headPosition(world.store);
        return running.every((r) => r.status().live && r.status().checkpoint === head);
      },
      { what: 'both reactors at the head of the log', timeoutMs: 30_000 },
    );
  const stop = async () => {
    for (const runner of runners.splice(0)) await runner.stop();
  };

  beforeAll(async () => {
    world = await open();
    events = await writeWorld(world.store);
  });
  afterAll(async () => {
    await stop();
    await world?.dispose();
  });

  it('schedules exactly the notices owed: to consenting customers, and to the staff concerned', async () => {
    await caughtUp(await start());
    const notices = await scheduled(world.store);
    const summary = notices
      .map((n) => `${n.data.kind} ${n.data.recipient.customerId ?? n.data.recipient.staffId}`)
      .sort();
    expect(summary).toEqual(
      [
        'case_acknowledged C-1',
        'case_acknowledged C-5',
        'case_reply C-1',
        'case_resolved C-1',
        'thank_you C-1',
        'thank_you C-1',
        'thank_you C-4',
        'staff_alert M-42',
        'staff_alert M-42',
        'staff_alert RM-1',
      ].sort(),
    );
    const byId = new Map(notices.map((n) => [n.data.noticeId, n]));
    expect(byId.get(caseEventNoticeId(events.reply.eventId))?.data).toEqual({
      noticeId: caseEventNoticeId(events.reply.eventId),
      kind: 'case_reply',
      recipient: { customerId: 'C-1' },
      refs: { caseId: 'c-1', caseEventId: events.reply.eventId },
      channel: 'sms',
      notBefore: hours(2),
      at: hours(2),
    });
    expect(byId.get(caseEventNoticeId(events.resolved.eventId))?.data).toMatchObject({
      kind: 'case_resolved',
      notBefore: hours(74),
    });
    expect(byId.get(caseEventNoticeId(events.ack.eventId))?.data.kind).toBe('case_acknowledged');
    // Still the owner at the warning and the breach; the escalation tells whom it hands it to.
    expect(byId.get(staffAlertNoticeId(events.warned.eventId, 'M-42'))?.data).toEqual({
      noticeId: staffAlertNoticeId(events.warned.eventId, 'M-42'),
      kind: 'staff_alert',
      recipient: { staffId: 'M-42' },
      refs: { caseId: 'c-1', caseEventId: events.warned.eventId, slaTarget: 'resolution' },
      channel: 'email',
      notBefore: hours(57),
      at: hours(57),
    });
    expect(byId.get(staffAlertNoticeId(events.breached.eventId, 'M-42'))).toBeDefined();
    expect(byId.get(staffAlertNoticeId(events.escalated.eventId, 'RM-1'))?.data.refs).toEqual({
      caseId: 'c-1',
      caseEventId: events.escalated.eventId,
      slaTarget: 'resolution',
      escalationLevel: 1,
    });
    const thanks = byId.get(thankYouNoticeId('fb-praise-4'));
    expect(thanks?.data).toMatchObject({
      recipient: { customerId: 'C-4' },
      refs: { feedbackIds: ['fb-praise-4'] },
      channel: null,
    });
    expect(byId.get(thankYouNoticeId('fb-promoter'))?.data.recipient).toEqual({
      customerId: 'C-1',
    });
    // Each notice opens its own stream, caused by the event it answers.
    expect(thanks).toMatchObject({
      streamId: `notice-${thankYouNoticeId('fb-praise-4')}`,
      streamVersion: 1,
      actor: 'heard:loop',
    });
  });

  it('resumes from its checkpoint: a restart and new events schedule only what is new', async () => {
    await stop();
    const before = (await scheduled(world.store)).length;
    const head = await headPosition(world.store);
    const running = await start();
    // From where they stopped, not from the start of the log.
    expect(running.map((r) => r.status().checkpoint)).toEqual([head, head]);
    await world.store.append(
      caseStreamId('c-1'),
      [
        {
          type: 'CaseReopened',
          data: { by: customer, at: hours(80), reason: 'no', newDueAt: hours(152) },
        },
      ],
      { expectedVersion: 'any' },
    );
    await world.store.append(
      caseStreamId('c-1'),
      [
        {
          type: 'CaseResolved',
          data: { by: agent, at: hours(81), code: 'fixed', summary: 's', customerMessage: 'm' },
        },
      ],
      { expectedVersion: 'any' },
    );
    await caughtUp(running);
    const after = await scheduled(world.store);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.data).toMatchObject({ kind: 'case_resolved', notBefore: hours(81) });
    const statuses = running.map((r) => r.status());
    expect(statuses.map((s) => s.name).sort()).toEqual(
      [INNER_LOOP_REACTOR, STAFF_ALERTS_REACTOR].sort(),
    );
    expect(statuses.every((s) => s.failures === 0)).toBe(true);
  });

  it('appends nothing when the whole log is handled again', async () => {
    await stop();
    const head = await headPosition(world.store);
    const log = await world.store.readAll();
    for (const reactor of innerLoopReactors({ store: world.store })) {
      for (const event of log) if (reactor.canHandle(event.type)) await reactor.handle(event);
    }
    expect(await headPosition(world.store)).toBe(head);
  });
});
