import { AppendResult } from '@heard/event-store';
import { GroupCommit, GroupOutcome } from './group-commit';

interface Fake {
  readonly streamId: string;
  readonly events: readonly { readonly eventId: string }[];
  readonly label: string;
}

const fake = (label: string, streamId: string, ids = [label]): Fake => ({
  label,
  streamId,
  events: ids.map((eventId) => ({ eventId })),
});
const done = (n: number): GroupOutcome => ({
  kind: 'done',
  result: { nextExpectedVersion: n, lastPosition: BigInt(n) } satisfies AppendResult,
});

/** A writer that records its groups and lets the test decide when each one finishes. */
function recordingWriter(answer: (a: Fake) => GroupOutcome = () => done(1)) {
  const groups: string[][] = [];
  const finish: (() => void)[] = [];
  const write = (group: readonly Fake[]) => {
    groups.push(group.map((a) => a.label));
    return new Promise<GroupOutcome[]>((resolve) => finish.push(() => resolve(group.map(answer))));
  };
  return { groups, finish, write };
}

const limits = { maxConcurrentGroups: 1, maxGroupEvents: 3, minSplitEvents: 100, maxRetries: 2 };
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('writes the appends of one tick together and the ones arriving meanwhile in the next group', async () => {
    const writer = recordingWriter();
    const groups = new GroupCommit(writer.write, limits);
    const first = [groups.submit(fake('a', 's1')), groups.submit(fake('b', 's2'))];
    await settle();
    const later = [groups.submit(fake('c', 's3')), groups.submit(fake('d', 's4'))];
    await settle();
    expect(writer.groups).toEqual([['a', 'b']]);
    writer.finish[0]();
    await Promise.all(first);
    await settle();
    expect(writer.groups).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    writer.finish[1]();
    await Promise.all(later);
    await groups.whenIdle();
  });

  it('closes a group at its event limit and never puts one stream in two groups at once', async () => {
    const writer = recordingWriter();
    const groups = new GroupCommit(writer.write, { ...limits, maxConcurrentGroups: 2 });
    const all = [
      groups.submit(fake('a', 's1', ['a1', 'a2'])),
      groups.submit(fake('b', 's2', ['b1', 'b2'])),
      groups.submit(fake('c', 's1', ['c1', 'c2'])),
    ];
    await settle();
    // Neither b nor c fits beside a; then c must wait for a, its stream being in flight.
    expect(writer.groups).toEqual([['a'], ['b']]);
    writer.finish[0]();
    await settle();
    expect(writer.groups).toEqual([['a'], ['b'], ['c']]);
    writer.finish[1]();
    writer.finish[2]();
    await Promise.all(all);
  });

  it('keeps equal event ids apart', async () => {
    const writer = recordingWriter();
    const groups = new GroupCommit(writer.write, limits);
    const all = [groups.submit(fake('a', 's1', ['x'])), groups.submit(fake('b', 's2', ['x']))];
    await settle();
    writer.finish[0]();
    await settle();
    writer.finish[1]();
    await Promise.all(all);
    expect(writer.groups).toEqual([['a'], ['b']]);
  });

  it('puts a retried append back ahead of later appends to its stream, and gives up after the limit', async () => {
    let retries = 0;
    const writer = recordingWriter((a) =>
      a.label === 'a' && retries++ < 1 ? { kind: 'retry', error: new Error('again') } : done(1),
    );
    const groups = new GroupCommit(writer.write, limits);
    const a = groups.submit(fake('a', 's1'));
    await settle();
    const b = groups.submit(fake('b', 's1'));
    writer.finish[0]();
    await settle();
    expect(writer.groups).toEqual([['a'], ['a', 'b']]);
    writer.finish[1]();
    await Promise.all([a, b]);

    const stubborn = new GroupCommit<Fake>(
      async (group) => group.map(() => ({ kind: 'retry', error: new Error('never') })),
      limits,
    );
    await expect(stubborn.submit(fake('z', 's9'))).rejects.toThrow('never');
  });

  it('rejects every append of a group whose writer throws', async () => {
    const groups = new GroupCommit<Fake>(async () => {
      throw new Error('connection lost');
    }, limits);
    const results = await Promise.allSettled([
      groups.submit(fake('a', 's1')),
      groups.submit(fake('b', 's2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
