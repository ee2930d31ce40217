import { MessagePort } from 'node:worker_threads';

export interface WriterThreadData {
  readonly filename: string;
  readonly busyTimeoutMs?: number;
  readonly maxGroupEvents?: number;
}

/** A new client's port, or the request to write what is queued and stop. */
export type ToWriterThread =
  { readonly kind: 'connect'; readonly port: MessagePort } | { readonly kind: 'close' };
