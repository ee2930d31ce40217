import { mapConcurrently } from './map-concurrently';

describe('mapConcurrently', () => {
  it('keeps the order of the items whatever order the calls finish in', async () => {
    const delays = [30, 0, 20, 10, 0];
    const results = await mapConcurrently(delays, 3, async (ms) => {
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < ms; i++) await Promise.resolve();
      return ms * 2;
    });
    expect(results).toEqual([60, 0, 40, 20, 0]);
  });

  it('never has more than the given number of calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await mapConcurrently([...Array(20).keys()], 4, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
    });
    expect(most).toBe(4);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapConcurrently([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
  });
});
