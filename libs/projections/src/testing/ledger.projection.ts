import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../columns/bigint.transformer';
import { defineProjection } from '../projection';

/** One row per handled event: makes lost, doubled or half-committed batches visible. */
@Entity('test_ledger')
export class LedgerEntry {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  position!: bigint;

  @Column({ type: 'integer' })
  applied!: number;
}

/** Event types the ledger refuses, so a test can make a batch fail half-way. */
export const POISON = 'Poison';

/**
 * Deliberately NOT idempotent: it counts how often each event was applied, so `applied > 1`
 * proves a batch was applied twice and a missing row proves one was skipped.
 */
export const ledgerProjection = defineProjection({
  name: 'test-ledger',
  entities: [LedgerEntry],
  handles: ['Opened', 'Step0', 'Step1', 'Step2', POISON],
  async apply(event, manager) {
    if (event.type === POISON) throw new Error(`refusing ${event.eventId}`);
    const rows = manager.getRepository(LedgerEntry);
    const row = await rows.findOneBy({ eventId: event.eventId });
    await rows.save({
      eventId: event.eventId,
      position: event.globalPosition,
      applied: (row?.applied ?? 0) + 1,
    });
  },
});
