import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../columns/bigint.transformer';
import { IsoTimestampColumn } from '../columns/iso-timestamp.column';

/** One row per stream: what exists in the event store, by category, and where it last moved. */
@Entity('stream_catalog')
export class StreamCatalogEntry {
  @PrimaryColumn({ name: 'stream_id', type: 'varchar', length: 200 })
  streamId!: string;

  @Index('stream_catalog_category_idx')
  @Column({ type: 'varchar', length: 200 })
  category!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'last_event_type', type: 'varchar', length: 200 })
  lastEventType!: string;

  /** Text: PostgreSQL positions (transaction id << 32) outgrow a bigint column. */
  @Column({ name: 'last_position', type: 'varchar', length: 40, transformer: bigintTransformer })
  lastPosition!: bigint;

  /** The last event's recordedAt, not the wall clock: a rebuild must give the same row. */
  @IsoTimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
