import { PersonalFields } from '@heard/customers';
import { customerWordsPersonal } from './customer-words.personal';

/** Schema version 2 holds a customer's reason sealed; staff reasons and version 1 hold it plain. */
export const CASE_REOPENED_SEALED_VERSION = 2;

/** Why a customer reopened their case is their own words: sealed with their key, as a reply is. */
export const caseReopenedPersonal: PersonalFields = customerWordsPersonal({
  type: 'CaseReopened',
  field: 'reason',
  sealedVersion: CASE_REOPENED_SEALED_VERSION,
  byCustomer: (data) => data.by.role === 'customer',
});
