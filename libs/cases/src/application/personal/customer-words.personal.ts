import { customerKeyOwner, isSealedBlock, PersonalFields, REDACTED } from '@heard/customers';
import type { Json } from '@heard/event-store';
import { Actor } from '../../domain/case.types';

/** A case event whose one text field holds the customer's own words when the customer wrote it. */
export interface CustomerWords {
  readonly type: string;
  readonly field: string;
  /** The schema version that holds the field sealed; older versions hold it plain. */
  readonly sealedVersion: number;
  /** Whether these data were written by the customer (staff words are not theirs to shred). */
  readonly byCustomer: (data: { readonly by: Actor; readonly [key: string]: unknown }) => boolean;
}

/** Seals the field under the customer's key; reads it back, or the redaction once the key is gone. */
export function customerWordsPersonal(words: CustomerWords): PersonalFields {
  const { type, field, sealedVersion, byCustomer } = words;
  return {
    type,
    sealedVersion,
    upcasters: [{ type, fromVersion: 1, upcast: (data) => data }],
    personalOf(data) {
      const written = data as { readonly by: Actor; readonly [key: string]: unknown };
      if (!byCustomer(written)) return null;
      const rest: Record<string, unknown> = { ...written };
      delete rest[field];
      return {
        owner: customerKeyOwner(written.by.id),
        value: { [field]: written[field] as Json },
        store: (block) => ({ ...rest, personal: block }),
      };
    },
    blockOf(data) {
      const { personal } = data as { personal?: unknown };
      return isSealedBlock(personal) ? personal : null;
    },
    opened(data, open) {
      const { personal, ...rest } = data as { personal?: unknown };
      if (!isSealedBlock(personal)) return data;
      const plain = open(personal) as Record<string, unknown> | null;
      const text = plain?.[field];
      return typeof text === 'string'
        ? { ...rest, [field]: text }
        : { ...rest, [field]: REDACTED, redacted: true };
    },
  };
}
