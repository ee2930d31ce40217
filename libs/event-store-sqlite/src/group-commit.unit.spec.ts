import { GroupCommit, Outcome } from './group-commit';

type Job = { readonly size: number; readonly fail?: boolean };

function recorder(options: { throwOnWrite?: boolean; maxGroupWeight?: number } = {}) {
  const groups: Job[][] = [];
  const log: string[] = [];
  const commits = new GroupCommit<Job, number>({
    write: (jobs) => {
      if (options.throwOnWrite) throw new Error('disk full');
      groups.push([...jobs]);
      log.push('write');
      return jobs.map((job, i): Outcome<number> =>
        job.fail ? { ok: false, error: new Error(`job ${i} refused`) } : { ok: true, value: i },
      );
    },
    committed: () => log.push('committed'),
    weight: (job) => job.size,
    maxGroupWeight: options.maxGroupWeight ?? 100,
  });
  return { commits, groups, log };
}

describe('group commit', () => {
  it('writes everything submitted before the next turn of the event loop as one group', async () => {
    const { commits, groups } = recorder();
    const results = await Promise.all([1, 2, 3].map(() => commits.submit({ size: 1 })));
    expect(results).toEqual([0, 1, 2]);
    expect(groups).toHaveLength(1);
    expect(commits.stats()).toMatchObject({ groups: 1, jobs: 3, largestGroup: 3 });
  });

  it('settles each job with its own outcome', async () => {
    const { commits } = recorder();
    const settled = await Promise.allSettled([
      commits.submit({ size: 1 }),
      commits.submit({ size: 1, fail: true }),
      commits.submit({ size: 1 }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every job of a group whose write throws, and counts no commit', async () => {
    const { commits } = recorder({ throwOnWrite: true });
    const settled = await Promise.allSettled([
      commits.submit({ size: 1 }),
      commits.submit({ size: 1 }),
    ]);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    expect(commits.stats().groups).toBe(0);
  });

  it('tells the committed hook before any caller hears back', async () => {
    const { commits, log } = recorder();
    await commits.submit({ size: 1 }).then(() => log.push('caller'));
    expect(log).toEqual(['write', 'committed', 'caller']);
  });

  it('splits groups at the weight limit but always takes a first job, however big', async () => {
    const { commits, groups } = recorder({ maxGroupWeight: 10 });
    await Promise.all(
      [{ size: 25 }, { size: 6 }, { size: 4 }, { size: 1 }].map((j) => commits.submit(j)),
    );
    expect(groups.map((g) => g.map((j) => j.size))).toEqual([[25], [6, 4], [1]]);
  });

  it('writes what is queued at once on flushAll', async () => {
    const { commits, groups } = recorder();
    const pending = commits.submit({ size: 1 });
    commits.flushAll();
    expect(groups).toHaveLength(1);
    await expect(pending).resolves.toBe(0);
  });
});
