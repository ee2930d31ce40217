/**
 * Unwraps a batch's data keys and decrypts its sealed blocks in a thread of its own, while the
 * thread that asked applies the batch before it: a rebuild that reads every customer's words
 * would otherwise spend a quarter of its time in AES-GCM on the event loop that writes the read
 * model. The master key comes with the thread's start; unwrapped keys are kept only while the
 * key generation stays the same, as the asking thread keeps its own.
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
const { masterKey, keyLimit } = workerData as { masterKey: string; keyLimit: number };
const master = MasterKey.fromBase64(masterKey);

interface Unwrapped {
  readonly key: Buffer;
  readonly aad: Buffer;
}

/** Keys unwrapped at `generation`, the oldest leaving first once there are keyLimit. */
let generation: number | null = null;
const unwrapped = new Map<string, Unwrapped>();

function keysOf(batch: ToBlockOpener): (Unwrapped | null)[] {
  if (batch.generation !== generation) {
    unwrapped.clear();
    generation = batch.generation;
  }
  let start = 0;
  return batch.keyIds.split('\n').map((keyId, i) => {
    const from = start;
    const end = batch.wrappedEnds[i];
    start = end;
    const known = unwrapped.get(keyId);
    if (known !== undefined) return known;
    const wrapped = Buffer.from(batch.wrapped.buffer, batch.wrapped.byteOffset + from, end - from);
    let key: Unwrapped;
    try {
      key = { key: master.unwrap(wrapped), aad: Buffer.from(keyId) };
    } catch {
      return null;
    }
    if (unwrapped.size >= keyLimit) unwrapped.delete(unwrapped.keys().next().value as string);
    unwrapped.set(keyId, key);
    return key;
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
