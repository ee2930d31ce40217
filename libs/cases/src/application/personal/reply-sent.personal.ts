import { PersonalFields } from '@heard/customers';
import { customerWordsPersonal } from './customer-words.personal';

/** Schema version 2 holds a customer's reply sealed; staff replies and version 1 hold it plain. */
export const REPLY_SENT_SEALED_VERSION = 2;

/** A customer's reply is their own words: sealed with their key. Staff replies are not. */
export const replySentPersonal: PersonalFields = customerWordsPersonal({
  type: 'ReplySent',
  field: 'text',
  sealedVersion: REPLY_SENT_SEALED_VERSION,
  byCustomer: (data) => data.fromCustomer === true,
});
