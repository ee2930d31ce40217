/**
 * Unwraps a batch's data keys and decrypts its sealed blocks in a thread of its own, while the
 * thread that asked applies the batch before it: a rebuild that reads every customer's words
 * would otherwise spend a quarter of its time in AES-GCM on the event loop that writes the read
 * model. The master key comes with the thread's start; nothing is kept between batches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openToText } from './aes-gcm';
import {
  FromBlockOpener,
  NOT_UNWRAPPED,
  TEXT_SEPARATOR,
  ToBlockOpener,
} from './block-opener.messages';
import { MasterKey } from './master-key';

if (parentPort === null) throw new Error('block-opener.thread runs only as a worker thread');
const port = parentPort;
const master = MasterKey.fromBase64((workerData as { masterKey: string }).masterKey);

function keysOf(batch: ToBlockOpener): ({ key: Buffer; aad: Buffer } | null)[] {
  const ids = batch.keyIds.split('\n');
  let start = 0;
  return ids.map((keyId, i) => {
    const end = batch.wrappedEnds[i];
    const wrapped = Buffer.from(
      batch.wrapped.buffer,
      batch.wrapped.byteOffset + start,
      end - start,
    );
    start = end;
    try {
      return { key: master.unwrap(wrapped), aad: Buffer.from(keyId) };
    } catch {
      return null;
    }
  });
}

port.on('message', (batch: ToBlockOpener) => {
  const keys = keysOf(batch);
  const texts = batch.sealed.split('\n').map((sealed, i) => {
    const key = keys[batch.keyOf[i]];
    // The asking thread unwraps it again when read, and reports the fault of the table there.
    if (key === null) return NOT_UNWRAPPED;
    try {
      return openToText(key.key, sealed, key.aad);
    } catch {
      // As on the asking thread: bytes that do not open with their own key read as erased.
      return '';
    }
  });
  const reply: FromBlockOpener = { id: batch.id, texts: texts.join(TEXT_SEPARATOR) };
  port.postMessage(reply);
});
