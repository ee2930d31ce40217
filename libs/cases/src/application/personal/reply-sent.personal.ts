import { customerKeyOwner, isSealedBlock, PersonalFields, REDACTED } from '@heard/customers';
import { ReplySent } from '../../domain/case.events';

type Reply = ReplySent['data'];

/** Schema version 2 holds a customer's reply sealed; staff replies and version 1 hold it plain. */
export const REPLY_SENT_SEALED_VERSION = 2;

/** A customer's reply is their own words: sealed with their key. Staff replies are not. */
export const replySentPersonal: PersonalFields = {
  type: 'ReplySent',
  sealedVersion: REPLY_SENT_SEALED_VERSION,
  upcasters: [{ type: 'ReplySent', fromVersion: 1, upcast: (data) => data }],
  personalOf(data) {
    const { text, ...rest } = data as Reply;
    if (!rest.fromCustomer) return null;
    return {
      owner: customerKeyOwner(rest.by.id),
      value: { text },
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
    const plain = open(personal) as { text?: unknown } | null;
    return typeof plain?.text === 'string'
      ? { ...rest, text: plain.text }
      : { ...rest, text: REDACTED, redacted: true };
  },
};
