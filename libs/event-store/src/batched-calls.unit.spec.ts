import { BatchedCalls } from './batched-calls';

/** A runner whose batches stay open until the test lets them finish. */
function heldRunner() {
  const batches: number[][] = [];
  const release: (() => void)[] = [];
  const run = async (inputs: readonly number[]) => {
    batches.push([...inputs]);
    await new Promise<void>((resolve) => release.push(resolve));
    return inputs.map((n) => n * 10);
  };
  const releaseAll = async () => {
    while (release.length > 0) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { run, batches, releaseAll };
}

describe('BatchedCalls', () => {
  it('answers the calls of one tick with one batch, each call its own answer', async () => {
    const runs: number[][] = [];
    const calls = new BatchedCalls(async (inputs: readonly number[]) => {
      runs.push([...inputs]);
      return inputs.map((n) => `#${n}`);
    });
    expect(await Promise.all([calls.call(1), calls.call(2), calls.call(3)])).toEqual([
      '#1',
      '#2',
      '#3',
    ]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('gathers the calls made while batches run into the next batch', async () => {
    const held = heldRunner();
    const calls = new BatchedCalls(held.run, { maxConcurrent: 1, maxInputs: 100 });
    const first = calls.call(1);
    await new Promise((r) => setImmediate(r));
    const later = [calls.call(2), calls.call(3)];
    await new Promise((r) => setImmediate(r));
    const last = calls.call(4);
    await new Promise((r) => setImmediate(r));
    expect(held.batches).toEqual([[1]]);
    await held.releaseAll();
    await held.releaseAll();
    expect(await Promise.all([first, ...later, last])).toEqual([10, 20, 30, 40]);
    expect(held.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('splits what is queued into batches of at most maxInputs', async () => {
    const runs: number[] = [];
    const calls = new BatchedCalls(
      async (inputs: readonly number[]) => {
        runs.push(inputs.length);
        return inputs;
      },
      { maxConcurrent: 2, maxInputs: 3 },
    );
    await Promise.all(Array.from({ length: 8 }, (_, i) => calls.call(i)));
    expect(runs).toEqual([3, 3, 2]);
  });

  it('fails every call of a failed batch and goes on with the next', async () => {
    let fail = true;
    const calls = new BatchedCalls(async (inputs: readonly number[]) => {
      if (fail) throw new Error('database unavailable');
      return inputs;
    });
    const failed = [calls.call(1), calls.call(2)];
    await expect(failed[0]).rejects.toThrow('database unavailable');
    await expect(failed[1]).rejects.toThrow('database unavailable');
    fail = false;
    expect(await calls.call(3)).toBe(3);
  });

  it('fails the calls of a batch answered with the wrong number of answers', async () => {
    const calls = new BatchedCalls(async () => [1]);
    const both = [calls.call(1), calls.call(2)];
    await expect(both[0]).rejects.toThrow('a batch of 2 calls was answered 1 times');
    await expect(both[1]).rejects.toThrow('answered 1 times');
  });
});
