import { DataKeyTable } from './data-key-table';
import { MasterKey } from './master-key';

/**
 * Re-wraps every data key from one master key to another in one transaction. Keys already under
 * the new one are left as they are, so a rotation that was interrupted can simply be run again.
 */
export async function rotateMasterKey(
  table: DataKeyTable,
  from: MasterKey,
  to: MasterKey,
): Promise<number> {
  if (from.id === to.id) throw new Error('the new master key is the current one');
  let rewrapped = 0;
  await table.rewrapAll((row) => {
    if (row.masterKeyId === to.id) return row;
    if (row.masterKeyId !== from.id) {
      throw new Error(
        `data key ${row.keyId} is wrapped by master key ${row.masterKeyId}, neither the current nor the new one`,
      );
    }
    rewrapped++;
    return { ...row, wrapped: to.wrap(from.unwrap(row.wrapped)), masterKeyId: to.id };
  });
  return rewrapped;
}
