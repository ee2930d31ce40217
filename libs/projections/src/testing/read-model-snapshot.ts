import { DataSource } from 'typeorm';
import { StreamCatalogEntry } from '../stream-catalog/stream-catalog.entity';

/** The stream catalog as plain sorted rows, comparable across databases with toEqual. */
export async function streamCatalogSnapshot(dataSource: DataSource): Promise<object[]> {
  const rows = await dataSource
    .getRepository(StreamCatalogEntry)
    .find({ order: { streamId: 'ASC' } });
  return rows.map((row) => ({
    ...row,
    lastPosition: row.lastPosition.toString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
