import { mapBounded } from './map-bounded';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapBounded', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      peak = Math.max(peak, ++running);
      for (let t = 0; t < n; t++) await tick();
      running--;
      return `${i}:${n}`;
    });
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(peak).toBe(3);
  });

  it('starts nothing new after a failure and throws it once the running work is done', async () => {
    const started: number[] = [];
    let finished = 0;
    const outcome = mapBounded([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('store down');
      await tick();
      finished++;
      return n;
    });
    await expect(outcome).rejects.toThrow('store down');
    expect(started).toEqual([0, 1]);
    expect(finished).toBe(1);
  });

  it('answers an empty list at once', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});
