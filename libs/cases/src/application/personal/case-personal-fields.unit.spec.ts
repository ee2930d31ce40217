import { REDACTED } from '@heard/customers';
import { personalDataStore } from '@heard/customers/testing';
import { ReplySent } from '../../domain/case.events';
import { caseReopenedPersonal } from './case-reopened.personal';
import { replySentPersonal } from './reply-sent.personal';

const at = '2026-11-20T10:00:00.000Z';
const reply = (fromCustomer: boolean, text: string): ReplySent => ({
  type: 'ReplySent',
  data: {
    at,
    by: fromCustomer ? { id: 'C-1', role: 'customer' } : { id: 'A-1', role: 'agent' },
    replyId: `r-${text.length}`,
    fromCustomer,
    text,
  },
});

describe('ReplySent personal fields', () => {
  it("seals a customer's reply with their key, keeps a staff reply plain, redacts after erasure", async () => {
    const { raw, store, personal } = personalDataStore([replySentPersonal]);
    await raw.append('case-1', [reply(true, 'written before sealing')], {
      expectedVersion: 'no_stream',
    });
    await store.append('case-1', [reply(false, 'Sorry!'), reply(true, 'still cold')], {
      expectedVersion: 1,
    });
    const stored = await raw.readStream('case-1');
    expect(stored.map((e) => e.schemaVersion)).toEqual([1, 2, 2]);
    expect(JSON.stringify(stored[2].data)).not.toContain('cold');
    const texts = async () =>
      (await store.readStream('case-1')).map((e) => (e.data as ReplySent['data']).text);
    expect(await texts()).toEqual(['written before sealing', 'Sorry!', 'still cold']);
    await personal.forget('customer:C-1');
    expect(await texts()).toEqual(['written before sealing', 'Sorry!', REDACTED]);
  });
});

describe('CaseReopened personal fields', () => {
  it("seals a customer's reason for reopening, keeps a staff reason plain, redacts after erasure", async () => {
    const { raw, store, personal } = personalDataStore([caseReopenedPersonal]);
    const reopened = (by: ReplySent['data']['by'], reason: string) => ({
      type: 'CaseReopened',
      data: { at, by, reason, newDueAt: at },
    });
    await store.append(
      'case-2',
      [
        reopened({ id: 'C-1', role: 'customer' }, 'the till is broken again'),
        reopened({ id: 'A-1', role: 'agent' }, 'customer called'),
      ],
      { expectedVersion: 'no_stream' },
    );
    expect(JSON.stringify((await raw.readStream('case-2'))[0].data)).not.toContain('till');
    const reasons = async () =>
      (await store.readStream('case-2')).map((e) => (e.data as { reason: string }).reason);
    expect(await reasons()).toEqual(['the till is broken again', 'customer called']);
    await personal.forget('customer:C-1');
    expect(await reasons()).toEqual([REDACTED, 'customer called']);
  });
});
