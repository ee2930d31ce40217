import { NoticeEvent, NoticeScheduled } from '../notice.events';
import { NoticeCommand } from './notice.commands';
import { noticeDecider } from './notice.decider';
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from './retry-backoff';

const T0 = '2026-12-01T10:00:00.000Z';
const scheduled: NoticeScheduled = {
  type: 'NoticeScheduled',
  data: {
    noticeId: 'n-1',
    kind: 'case_reply',
    recipient: { customerId: 'C-1' },
    refs: { caseId: 'case-1', caseEventId: 'e-1' },
    channel: 'email',
    notBefore: T0,
    at: T0,
  },
};
const begin: NoticeCommand = {
  type: 'BeginSending',
  channel: 'email',
  messageId: 'n-1',
  digestId: null,
  digestNoticeIds: [],
  at: T0,
};
const fail = (permanent = false, jitter = 0): NoticeCommand => ({
  type: 'RecordFailure',
  error: permanent ? 'smtp 550' : 'smtp 421',
  permanent,
  maxAttempts: 3,
  jitter,
  at: T0,
});

function run(history: readonly NoticeEvent[], command: NoticeCommand): NoticeEvent[] {
  const state = history.reduce(noticeDecider.evolve, noticeDecider.initialState());
  return [...noticeDecider.decide(command, state)];
}

/** Applies each command in turn to what the previous ones recorded. */
function sequence(commands: readonly NoticeCommand[]): NoticeEvent[] {
  const history: NoticeEvent[] = [scheduled];
  for (const command of commands) history.push(...run(history, command));
  return history;
}

describe('notice decider', () => {
  it('records sending, then sent with the same attempt, channel and message id', () => {
    const events = sequence([begin, { type: 'RecordSent', at: T0 }]);
    expect(events.map((e) => e.type)).toEqual(['NoticeScheduled', 'NoticeSending', 'NoticeSent']);
    expect(events[2].data).toMatchObject({ attempt: 1, channel: 'email', messageId: 'n-1' });
  });

  it('a second BeginSending while one is in flight records nothing: the resend repeats it', () => {
    expect(run(sequence([begin]), begin)).toEqual([]);
  });

  it('retries a transient failure with a growing, jittered delay, and gives up after maxAttempts', () => {
    const events = sequence([begin, fail(), begin, fail(false, 1), begin, fail()]);
    const failures = events.filter((e) => e.type === 'NoticeFailed');
    expect(failures.map((e) => e.data)).toEqual([
      expect.objectContaining({
        attempt: 1,
        permanent: false,
        retryAt: '2026-12-01T10:00:15.000Z',
      }),
      expect.objectContaining({ attempt: 2, retryAt: '2026-12-01T10:01:00.000Z' }),
      expect.objectContaining({ attempt: 3, retryAt: null }),
    ]);
    expect(run(events, begin)).toEqual([]);
  });

  it('a permanent failure is final at once', () => {
    const events = sequence([begin, fail(true)]);
    expect(events[2]).toEqual({
      type: 'NoticeFailed',
      data: {
        noticeId: 'n-1',
        attempt: 1,
        error: 'smtp 550',
        permanent: true,
        retryAt: null,
        at: T0,
      },
    });
    expect(run(events, begin)).toEqual([]);
    expect(run(events, { type: 'SuppressNotice', reason: 'opted_out', at: T0 })).toEqual([]);
  });

  it('suppresses an owed notice once, and never a sent one', () => {
    const suppress: NoticeCommand = { type: 'SuppressNotice', reason: 'erased', at: T0 };
    const suppressed = sequence([suppress]);
    expect(suppressed[1].data).toEqual({ noticeId: 'n-1', reason: 'erased', at: T0 });
    expect(run(suppressed, suppress)).toEqual([]);
    expect(run(suppressed, begin)).toEqual([]);
    expect(run(sequence([begin, { type: 'RecordSent', at: T0 }]), suppress)).toEqual([]);
  });

  it('defers to a later time, and not to an earlier one than already owed', () => {
    const later = '2026-12-01T22:00:00.000Z';
    const deferred = sequence([
      { type: 'DeferNotice', until: later, reason: 'quiet_hours', at: T0 },
    ]);
    expect(deferred[1].data).toEqual({
      noticeId: 'n-1',
      until: later,
      reason: 'quiet_hours',
      at: T0,
    });
    expect(
      run(deferred, { type: 'DeferNotice', until: T0, reason: 'quiet_hours', at: T0 }),
    ).toEqual([]);
    expect(run(deferred, begin)).toHaveLength(1);
  });

  it('marks a sent notice read once', () => {
    const sent = sequence([begin, { type: 'RecordSent', at: T0 }]);
    const read = run(sent, { type: 'MarkNoticeRead', at: T0 });
    expect(read).toEqual([{ type: 'NoticeRead', data: { noticeId: 'n-1', at: T0 } }]);
    expect(run([...sent, ...read], { type: 'MarkNoticeRead', at: T0 })).toEqual([]);
    expect(run([scheduled], { type: 'MarkNoticeRead', at: T0 })).toEqual([]);
  });

  it('records the digest members on the sending event', () => {
    const events = sequence([
      {
        ...begin,
        messageId: 'd-1',
        digestId: 'd-1',
        digestNoticeIds: ['n-1', 'n-2'],
      } as NoticeCommand,
    ]);
    expect(events[1].data).toMatchObject({ digestId: 'd-1', digestNoticeIds: ['n-1', 'n-2'] });
  });
});

describe('retry backoff', () => {
  it('doubles from the base, jitter spans the upper half, and the cap holds', () => {
    expect(retryDelayMs(1, 0)).toBe(RETRY_BASE_MS / 2);
    expect(retryDelayMs(1, 1)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(4, 0.5)).toBe(Math.round(RETRY_BASE_MS * 8 * 0.75));
    expect(retryDelayMs(40, 1)).toBe(RETRY_CAP_MS);
  });
});
