import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataKeyPersonalData } from '../personal/data-key-personal-data';
import { DataKeyTable } from './data-key-table';
import { customerKeyOwner } from './key-owner';
import { MasterKey } from './master-key';
import { PostgresDataKeyTable } from './postgres-data-key-table';
import { rotateMasterKey } from './rotate-master-key';
import { SqliteDataKeyTable } from './sqlite-data-key-table';

interface TableUnderTest {
  readonly name: string;
  open(): Promise<DataKeyTable>;
  /** Where another process finds the same table: forget-owner.process.ts's arguments. */
  readonly where: string[];
  /** Every byte the table keeps in files, where the store lets us read them. */
  bytes?(): Buffer;
}

const dir = mkdtempSync(join(tmpdir(), 'heard-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://unset';
const pgSchema = `keys_${process.pid}`;

const repoRoot = resolve(__dirname, '../../../..');
const forgetOwnerScript = join(__dirname, 'testing/forget-owner.process.ts');

/** Erasure in a process of its own: its cache is not ours, only the table is shared. */
async function forgetInAnotherProcess(where: readonly string[], owner: string): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', forgetOwnerScript, ...where, owner],
    { cwd: repoRoot },
  );
  return Number(stdout.trim());
}

const tables: TableUnderTest[] = [
  {
    name: 'SQLite',
    open: async () => new SqliteDataKeyTable(join(dir, 'keys.sqlite')),
    where: ['sqlite', join(dir, 'keys.sqlite')],
    bytes: () =>
      Buffer.concat(
        readdirSync(dir)
          .filter((f) => f.startsWith('keys.sqlite'))
          .map((f) => readFileSync(join(dir, f))),
      ),
  },
  {
    name: 'PostgreSQL',
    open: () => PostgresDataKeyTable.open({ connectionString: pgUrl, schema: pgSchema }),
    where: ['postgres', pgUrl, pgSchema],
  },
];

describe.each(tables)('data keys on $name', (under) => {
  let table: DataKeyTable;
  const master = MasterKey.generate();
  let personal: DataKeyPersonalData;
  const owner = (n: string) => customerKeyOwner(`${under.name}-${n}-${process.pid}`);

  beforeAll(async () => {
    table = await under.open();
    personal = new DataKeyPersonalData(table, master);
  });
  afterAll(() => table.close());

  it('makes one key per owner however many ask at once, and opens what it sealed', async () => {
    const sealed = await Promise.all(
      Array.from({ length: 20 }, (_, i) => personal.seal(owner('a'), { text: `said ${i}` })),
    );
    expect(new Set(sealed.map((s) => s.key)).size).toBe(1);
    const other = new DataKeyPersonalData(table, master);
    const open = await other.opener(sealed);
    expect(sealed.map(open)).toEqual(sealed.map((_, i) => ({ text: `said ${i}` })));
    expect(JSON.stringify(sealed)).not.toContain('said');
  });

  it('opens nothing once the owner is forgotten, without failing', async () => {
    const block = await personal.seal(owner('b'), { email: 'b@example.com' });
    expect(await personal.forget(owner('b'))).toBe(1);
    const open = await personal.opener([block]);
    expect(open(block)).toBeNull();
    const again = await personal.seal(owner('b'), { email: 'new@example.com' });
    expect(again.key).not.toBe(block.key);
  });

  it('moves the key generation on every delete and re-wrap, from any connection', async () => {
    await personal.seal(owner('g'), { text: 'g' });
    const before = await table.generation();
    expect(await table.generation()).toBe(before);
    const another = await under.open();
    try {
      await another.deleteOwner(owner('g'));
      expect(await table.generation()).toBeGreaterThan(before);
      const afterDelete = await table.generation();
      await another.rewrapAll((row) => row);
      expect(await table.generation()).toBeGreaterThan(afterDelete);
    } finally {
      await another.close();
    }
  });

  it('opens nothing once another process erased the owner, though its keys were cached here', async () => {
    const reader = new DataKeyPersonalData(table, master);
    const block = await personal.seal(owner('e'), { text: 'cached words' });
    const kept = await personal.seal(owner('f'), { text: 'kept words' });
    expect((await reader.opener([block, kept]))(block)).toEqual({ text: 'cached words' });
    expect(await forgetInAnotherProcess(under.where, owner('e'))).toBe(1);
    const open = await reader.opener([block, kept]);
    expect(open(block)).toBeNull();
    expect(open(kept)).toEqual({ text: 'kept words' });
  });

  it('re-wraps every key under a new master key: the old one opens nothing, the new one all', async () => {
    const block = await personal.seal(owner('c'), { text: 'rotated' });
    const next = MasterKey.generate();
    expect(await rotateMasterKey(table, master, next)).toBeGreaterThan(0);
    await expect(new DataKeyPersonalData(table, master).checkMasterKey()).rejects.toThrow(
      /wrapped by master key/,
    );
    const rotated = new DataKeyPersonalData(table, next);
    await rotated.checkMasterKey();
    expect((await rotated.opener([block]))(block)).toEqual({ text: 'rotated' });
    expect(await rotateMasterKey(table, master, next)).toBe(0);
    await rotateMasterKey(table, next, master);
  });

  it('leaves no byte of a deleted wrapped key in its files once compacted', async () => {
    if (!under.bytes) return;
    await personal.seal(owner('d'), { text: 'x' });
    const [row] = await table.keysOf([owner('d')], () => {
      throw new Error('exists');
    });
    expect(under.bytes().includes(row.wrapped)).toBe(true);
    await table.deleteOwner(owner('d'));
    await table.compact();
    expect(under.bytes().includes(row.wrapped)).toBe(false);
  });
});
