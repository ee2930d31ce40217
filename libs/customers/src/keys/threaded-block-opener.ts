import { ThreadCalls } from '@heard/event-store';
import { FromBlockOpener, TEXT_SEPARATOR, ToBlockOpener } from './block-opener.messages';
import { MasterKey } from './master-key';

/**
 * Opens batches of blocks in block-opener.thread.ts, started on the first batch; idle, it keeps
 * nothing alive. If the thread dies, what it held is rejected (the asker opens those itself) and
 * the next batch starts a new one.
 */
export class ThreadedBlockOpener {
  private readonly calls: ThreadCalls<ToBlockOpener, FromBlockOpener>;

  /** `keyLimit`: how many unwrapped keys the thread keeps at most. */
  constructor(master: MasterKey, keyLimit: number) {
    this.calls = new ThreadCalls({
      from: __filename,
      entry: 'block-opener.thread',
      workerData: { masterKey: master.toBase64(), keyLimit },
      stoppedMessage: 'the block opener stopped',
    });
  }

  /** Each block's JSON text, in order: '' for one that did not open, NOT_UNWRAPPED as said. */
  async open(batch: Omit<ToBlockOpener, 'id'>): Promise<string[]> {
    const { texts } = await this.calls.call((id) => ({ id, ...batch }), [
      batch.wrapped.buffer,
      batch.wrappedEnds.buffer,
      batch.keyOf.buffer,
    ] as ArrayBuffer[]);
    return texts.split(TEXT_SEPARATOR);
  }

  /** Ends the thread; a batch still in it is rejected. */
  async close(): Promise<void> {
    await this.calls.close();
  }
}
