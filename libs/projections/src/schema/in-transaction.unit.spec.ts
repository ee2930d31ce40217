import { DataSource } from 'typeorm';
import { ProjectionCheckpointEntity } from '../checkpoint/projection-checkpoint.entity';
import { ensureTables } from './read-model-schema';
import { inTransaction } from './in-transaction';

describe('inTransaction on SQLite', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [ProjectionCheckpointEntity],
    }).initialize();
    await ensureTables(dataSource, [ProjectionCheckpointEntity]);
  });

  afterEach(() => dataSource.destroy());

  const row = (name: string) => ({ name, position: '1', updatedAt: new Date(0) });

  it('keeps concurrent transactions apart: one rolls back alone, the other commits', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = inTransaction(dataSource, async (manager) => {
      await manager.insert(ProjectionCheckpointEntity, row('rolled-back'));
      await held;
      throw new Error('boom');
    });
    const committing = inTransaction(dataSource, (manager) =>
      manager.insert(ProjectionCheckpointEntity, row('committed')),
    );
    release();
    await expect(failing).rejects.toThrow('boom');
    await committing;
    const names = (await dataSource.manager.find(ProjectionCheckpointEntity)).map((r) => r.name);
    expect(names).toEqual(['committed']);
  });
});
