import { MasterKey } from '../keys/master-key';
import { MemoryTable } from '../testing/memory-data-key-table';
import { DataKeyPersonalData } from './data-key-personal-data';

describe('DataKeyPersonalData', () => {
  const master = MasterKey.generate();

  it('seals with AES-256-GCM: no plain text in the block, a fresh IV each time', async () => {
    const personal = new DataKeyPersonalData(new MemoryTable(), master);
    const a = await personal.seal('customer:C-1', { text: 'Хлеб черствый' });
    const b = await personal.seal('customer:C-1', { text: 'Хлеб черствый' });
    expect(a.sealed).not.toBe(b.sealed);
    expect(Buffer.from(a.sealed, 'base64').includes(Buffer.from('Хлеб'))).toBe(false);
  });

  it('looks keys up once per batch and once per owner while sealing', async () => {
    const table = new MemoryTable();
    const personal = new DataKeyPersonalData(table, master);
    const blocks = [];
    for (let i = 0; i < 10; i++) blocks.push(await personal.seal(`customer:C-${i % 3}`, i));
    expect(table.queries).toBe(3);
    const open = await personal.opener(blocks);
    expect(blocks.map(open)).toEqual(blocks.map((_, i) => i));
    expect(table.queries).toBe(4);
  });

  it('seals with a key it has just made without unwrapping it, and unwraps one it finds', async () => {
    const own = MasterKey.generate();
    const table = new MemoryTable();
    const unwrap = jest.spyOn(own, 'unwrap');
    try {
      const maker = new DataKeyPersonalData(table, own);
      const made = await maker.seal('customer:A', 'first');
      expect(unwrap).not.toHaveBeenCalled();
      // Another writer (nothing cached) finds the key the first one made.
      const finder = new DataKeyPersonalData(table, own);
      const found = await finder.seal('customer:A', 'second');
      expect(unwrap).toHaveBeenCalledTimes(1);
      expect(found.key).toBe(made.key);
      const open = await new DataKeyPersonalData(table, own).opener([made, found]);
      expect([open(made), open(found)]).toEqual(['first', 'second']);
    } finally {
      unwrap.mockRestore();
    }
  });

  it('unwraps a found key only when a block is first opened with it', async () => {
    const own = MasterKey.generate();
    const table = new MemoryTable();
    const sealing = new DataKeyPersonalData(table, own);
    const blocks = await Promise.all(['A', 'B'].map((c) => sealing.seal(`customer:${c}`, c)));
    // A reader with nothing cached, as a rebuild starts.
    const reader = new DataKeyPersonalData(table, own);
    const unwrap = jest.spyOn(own, 'unwrap');
    const open = await reader.opener(blocks);
    expect(unwrap).not.toHaveBeenCalled();
    expect([open(blocks[0]), open(blocks[0])]).toEqual(['A', 'A']);
    expect(unwrap).toHaveBeenCalledTimes(1);
    expect(open(blocks[1])).toBe('B');
    expect(unwrap).toHaveBeenCalledTimes(2);
    unwrap.mockRestore();
  });

  it('asks only for the key generation once it knows every key of a batch', async () => {
    const table = new MemoryTable();
    const personal = new DataKeyPersonalData(table, master);
    const blocks = await Promise.all(['A', 'B'].map((c) => personal.seal(`customer:${c}`, c)));
    await personal.opener(blocks);
    table.queries = 0;
    const open = await personal.opener(blocks);
    expect(blocks.map(open)).toEqual(['A', 'B']);
    expect(table.queries).toBe(0);
    expect(table.generationReads).toBe(2);
  });

  it('asks again for every key once the generation moved (a re-wrap by another process)', async () => {
    const table = new MemoryTable();
    const personal = new DataKeyPersonalData(table, master);
    const block = await personal.seal('customer:A', 'a');
    await personal.opener([block]);
    await table.rewrapAll((row) => row);
    table.queries = 0;
    expect((await personal.opener([block]))(block)).toBe('a');
    expect(table.queries).toBe(1);
  });

  it('seals at once only with a key at hand, and opens what it sealed so', async () => {
    let now = 0;
    const personal = new DataKeyPersonalData(new MemoryTable(), master, {
      sealCacheMs: 1000,
      now: () => now,
    });
    expect(personal.sealAtOnce('customer:C-1', 'first')).toBeNull();
    await personal.seal('customer:C-1', 'first');
    const block = personal.sealAtOnce('customer:C-1', 'second');
    expect(block).not.toBeNull();
    expect((await personal.opener([block!]))(block!)).toBe('second');
    await personal.forget('customer:C-1');
    expect(personal.sealAtOnce('customer:C-1', 'third')).toBeNull();
    await personal.seal('customer:C-1', 'fourth');
    expect(personal.sealAtOnce('customer:C-1', 'fifth')).not.toBeNull();
    now = 1001;
    expect(personal.sealAtOnce('customer:C-1', 'sixth')).toBeNull();
  });

  it('lets readers of single streams at the same moment share one look-up', async () => {
    const table = new MemoryTable();
    const personal = new DataKeyPersonalData(table, master);
    const blocks = await Promise.all(['A', 'B', 'C'].map((c) => personal.seal(`customer:${c}`, c)));
    table.queries = 0;
    const opened = await Promise.all(blocks.map(async (b) => (await personal.opener([b]))(b)));
    expect(opened).toEqual(['A', 'B', 'C']);
    expect(table.queries).toBe(1);
  });

  it('reads a block that was tampered with, or sealed for another key, as gone', async () => {
    const personal = new DataKeyPersonalData(new MemoryTable(), master);
    const a = await personal.seal('customer:A', 'a');
    const b = await personal.seal('customer:B', 'b');
    const tampered = { ...a, sealed: Buffer.from('x'.repeat(40)).toString('base64') };
    const swapped = { key: a.key, sealed: b.sealed };
    const open = await personal.opener([a, tampered, swapped]);
    expect([open(a), open(tampered), open(swapped)]).toEqual(['a', null, null]);
  });

  it('seals with a new key after forgetting, and keeps a key only as long as told', async () => {
    let now = 0;
    const table = new MemoryTable();
    const personal = new DataKeyPersonalData(table, master, { sealCacheMs: 1000, now: () => now });
    const first = await personal.seal('customer:C-1', 1);
    await personal.forget('customer:C-1');
    const second = await personal.seal('customer:C-1', 2);
    expect(second.key).not.toBe(first.key);
    const other = new DataKeyPersonalData(table, master, { sealCacheMs: 1000, now: () => now });
    await other.seal('customer:C-1', 3);
    await personal.forget('customer:C-1');
    expect((await other.seal('customer:C-1', 4)).key).toBe(second.key);
    now = 1001;
    expect((await other.seal('customer:C-1', 5)).key).not.toBe(second.key);
  });

  it('opens nothing once another process forgot the owner, though this one opened it before', async () => {
    const table = new MemoryTable();
    const reader = new DataKeyPersonalData(table, master);
    const block = await reader.seal('customer:C-1', 'words');
    expect((await reader.opener([block]))(block)).toBe('words');
    await new DataKeyPersonalData(table, master).forget('customer:C-1');
    expect((await reader.opener([block]))(block)).toBeNull();
  });

  it('refuses keys wrapped by another master key instead of reading them as gone', async () => {
    const table = new MemoryTable();
    const block = await new DataKeyPersonalData(table, master).seal('customer:C-1', 1);
    const wrong = new DataKeyPersonalData(table, MasterKey.generate());
    await expect(wrong.checkMasterKey()).rejects.toThrow(/HEARD_MASTER_KEY/);
    await expect(wrong.opener([block])).rejects.toThrow(/rotation/);
  });
  it("reuses another reader's decryption of the same stored block, never across generations or after an erasure", async () => {
    const table = new MemoryTable();
    const personal = new DataKeyPersonalData(table, master);
    const [a, b] = await Promise.all(['A', 'B'].map((c) => personal.seal(`customer:${c}`, c)));
    expect((await personal.opener([a, b]))(a)).toBe('A');
    // Bytes that no longer open: a reader that decrypted again would read the block as erased.
    const stored = a as { sealed: string };
    const original = stored.sealed;
    stored.sealed = Buffer.from('not what was sealed').toString('base64');
    expect((await personal.opener([a, b]))(a)).toBe('A');
    // Another process's re-wrap moves the generation: nothing opened before it is reused.
    await table.rewrapAll((row) => row);
    expect((await personal.opener([a, b]))(a)).toBeNull();
    stored.sealed = original;
    const open = await personal.opener([a, b]);
    expect(open(b)).toBe('B');
    // Erased here after it was opened: the next reader of the same block gets nothing.
    await personal.forget('customer:B');
    expect((await personal.opener([a, b]))(b)).toBeNull();
  });
});
