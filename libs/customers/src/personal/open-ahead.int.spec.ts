import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOT_UNWRAPPED } from '../keys/block-opener.messages';
import { MasterKey } from '../keys/master-key';
import { SqliteDataKeyTable } from '../keys/sqlite-data-key-table';
import { ThreadedBlockOpener } from '../keys/threaded-block-opener';
import { DataKeyPersonalData } from './data-key-personal-data';
import { SealedBlock } from './sealed-block';

jest.setTimeout(30_000);

describe('blocks read ahead are opened in a thread of their own', () => {
  const master = MasterKey.generate();
  let dir: string;
  let table: SqliteDataKeyTable;
  let blocks: SealedBlock[];
  let unwrap: jest.SpyInstance;
  const readers: DataKeyPersonalData[] = [];
  /** A reader with nothing cached, as a rebuild starts; closed after the test. */
  const newReader = (openAheadFrom: number) => {
    const reader = new DataKeyPersonalData(table, master, { openAheadFrom });
    readers.push(reader);
    return reader;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'heard-open-ahead-'));
    table = new SqliteDataKeyTable(join(dir, 'keys.sqlite'));
    const sealing = new DataKeyPersonalData(table, master);
    blocks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        sealing.seal(`customer:C-${i % 7}`, { text: `слова ${i}`, n: i }),
      ),
    );
    unwrap = jest.spyOn(master, 'unwrap');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    for (const reader of readers.splice(0)) await reader.close();
    await table.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same words, with no key unwrapped or block decrypted on the reading thread', async () => {
    const open = await newReader(10).opener(blocks, { ahead: true });
    expect(blocks.map(open)).toEqual(blocks.map((_, i) => ({ text: `слова ${i}`, n: i })));
    expect(unwrap).not.toHaveBeenCalled();
  });

  it('not read ahead, or too few blocks: opened here when read, as before', async () => {
    const open = await newReader(100).opener(blocks, { ahead: true });
    expect(open(blocks[3])).toEqual({ text: 'слова 3', n: 3 });
    expect(unwrap).toHaveBeenCalledTimes(1);
  });

  it('a reader that read none of a finished batch gets the next one opened here, when read', async () => {
    const reader = newReader(10);
    const readAhead = () => reader.opener(blocks, { ahead: true });
    // Two batches ahead of the one applied: the first three are never read (loop-rate reads
    // none), and the first is finished with once the fourth is read.
    await readAhead();
    await readAhead();
    await readAhead();
    const fourth = await readAhead();
    expect(fourth(blocks[5])).toEqual({ text: 'слова 5', n: 5 });
    expect(unwrap).toHaveBeenCalledTimes(1);
    // The fifth follows the unread second: opened here. The seventh follows the fourth, read.
    const fifth = await readAhead();
    await readAhead();
    const seventh = await readAhead();
    expect(fifth(blocks[6])).toEqual({ text: 'слова 6', n: 6 });
    expect(unwrap).toHaveBeenCalledTimes(2);
    expect(seventh(blocks[0])).toEqual({ text: 'слова 0', n: 0 });
    expect(unwrap).toHaveBeenCalledTimes(2);
  });

  it('a batch the thread did not answer (it stopped) is opened here when read', async () => {
    const stopped = jest
      .spyOn(ThreadedBlockOpener.prototype, 'open')
      .mockRejectedValue(new Error('the block opener stopped'));
    const open = await newReader(10).opener(blocks, { ahead: true });
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(blocks.map(open)).toEqual(blocks.map((_, i) => ({ text: `слова ${i}`, n: i })));
    expect(unwrap).toHaveBeenCalledTimes(7);
  });

  it('an owner erased after the batch was opened ahead reads redacted', async () => {
    const reader = newReader(10);
    const open = await reader.opener(blocks, { ahead: true });
    await reader.forget('customer:C-3');
    expect(open(blocks[3])).toBeNull();
    expect(open(blocks[10])).toBeNull();
    expect(open(blocks[4])).toEqual({ text: 'слова 4', n: 4 });
  });

  it('the thread answers a tampered block as unopened and a key that does not unwrap apart', async () => {
    const [row] = await table.keysOf(['customer:C-1'], () => {
      throw new Error('the key exists');
    });
    const thread = new ThreadedBlockOpener(master, 10);
    const good = blocks[1];
    const bytes = Buffer.from(good.sealed, 'base64');
    bytes[bytes.length - 1] ^= 1;
    const badWrap = Buffer.from(row.wrapped);
    badWrap[badWrap.length - 1] ^= 1;
    try {
      const texts = await thread.open({
        generation: 1,
        wrapped: new Uint8Array(Buffer.concat([row.wrapped, badWrap])),
        wrappedEnds: Uint32Array.from([row.wrapped.length, row.wrapped.length * 2]),
        keyIds: [row.keyId, 'a key no longer as stored'].join('\n'),
        sealed: [good.sealed, bytes.toString('base64'), good.sealed].join('\n'),
        keyOf: Uint32Array.from([0, 0, 1]),
      });
      expect(texts).toEqual([JSON.stringify({ text: 'слова 1', n: 1 }), '', NOT_UNWRAPPED]);
    } finally {
      await thread.close();
    }
  });
});
