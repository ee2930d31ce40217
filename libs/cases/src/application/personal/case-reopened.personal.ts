import { customerKeyOwner, isSealedBlock, PersonalFields, REDACTED } from '@heard/customers';
import { CaseReopened } from '../../domain/case.events';

type Reopened = CaseReopened['data'];

/** Schema version 2 holds a customer's reason sealed; staff reasons and version 1 hold it plain. */
export const CASE_REOPENED_SEALED_VERSION = 2;

/** Why a customer reopened their case is their own words: sealed with their key, as a reply is. */
export const caseReopenedPersonal: PersonalFields = {
  type: 'CaseReopened',
  sealedVersion: CASE_REOPENED_SEALED_VERSION,
  upcasters: [{ type: 'CaseReopened', fromVersion: 1, upcast: (data) => data }],
  personalOf(data) {
    const { reason, ...rest } = data as Reopened;
    if (rest.by.role !== 'customer') return null;
    return {
      owner: customerKeyOwner(rest.by.id),
      value: { reason },
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
    const plain = open(personal) as { reason?: unknown } | null;
    return typeof plain?.reason === 'string'
      ? { ...rest, reason: plain.reason }
      : { ...rest, reason: REDACTED, redacted: true };
  },
};
