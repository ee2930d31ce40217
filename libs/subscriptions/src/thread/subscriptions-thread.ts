import { HeardConfig } from '@heard/config';
import { threadEntry } from '@heard/event-store';
import { RunnerStatus } from '@heard/projections';
import type { NoticeDeliveryTick } from '@heard/loop/subscriptions';
import type { SlaTimerTick } from '@heard/sla/subscriptions';
import { MessagePort, Worker } from 'node:worker_threads';
import { RunningSubscriptions } from '../start-subscriptions';
import {
  FromSubscriptionsThread,
  SubscriptionsThreadData,
  ToSubscriptionsThread,
} from './thread-messages';

export interface SubscriptionsThreadOptions {
  /**
   * SQLite: the port the thread appends through (SqliteEventStore.connectAppends), so that one
   * connection writes the file for the whole process.
   */
  readonly appends: MessagePort | null;
  readonly log: (line: string) => void;
  /** Each SLA timer tick in the thread, for the metrics of this thread's registry. */
  readonly onSlaTimerTick?: (tick: SlaTimerTick) => void;
  /** Each notice delivery pass in the thread, likewise. */
  readonly onNoticeDeliveryTick?: (tick: NoticeDeliveryTick) => void;
  /** How stale /ready's view of the runners may be. */
  readonly statusEveryMs?: number;
  /** How long stop waits for the thread to finish its batch before it is terminated. */
  readonly stopTimeoutMs?: number;
}

/**
 * Runs every projection and reactor in a worker thread of this process and mirrors their
 * statuses here, so the API's event loop only answers requests. Resolves once every runner has
 * started from its checkpoint (and the read-model tables exist); rejects if they could not start.
 */
export function startSubscriptionsThread(
  config: HeardConfig,
  options: SubscriptionsThreadOptions,
): Promise<RunningSubscriptions> {
  const entry = threadEntry(__filename, 'subscriptions-thread.main');
  const data: SubscriptionsThreadData = {
    config,
    statusEveryMs: options.statusEveryMs ?? 100,
    appends: options.appends,
  };
  const worker = new Worker(entry.file, {
    workerData: data,
    execArgv: entry.execArgv,
    transferList: options.appends ? [options.appends] : [],
  });
  let statuses: RunnerStatus[] = [];
  let failure: string | null = null;
  let stopping = false;
  let failDone: (error: Error) => void = () => undefined;
  let finishDone: () => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    finishDone = resolve;
    failDone = reject;
  });
  done.catch(() => undefined);
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));

  const fail = (error: string) => {
    failure ??= error;
    failDone(new Error(`subscriptions thread: ${failure}`));
  };

  return new Promise<RunningSubscriptions>((resolve, reject) => {
    worker.on('message', (message: FromSubscriptionsThread) => {
      switch (message.kind) {
        case 'started':
          statuses = message.statuses;
          resolve(running);
          return;
        case 'status':
          statuses = message.statuses;
          return;
        case 'log':
          options.log(message.line);
          return;
        case 'sla-timer-tick':
          options.onSlaTimerTick?.(message.tick);
          return;
        case 'notice-delivery-tick':
          options.onNoticeDeliveryTick?.(message.tick);
          return;
        case 'start-failed':
          reject(new Error(`subscriptions thread could not start: ${message.error}`));
          return;
        case 'stopped':
          finishDone();
          return;
      }
    });
    worker.on('error', (error) => {
      fail(error.message);
      reject(error);
    });
    void exited.then((code) => {
      if (!stopping) {
        fail(`exited unexpectedly with code ${code}`);
        reject(new Error(`subscriptions thread exited with code ${code} before starting`));
      }
    });

    const running: RunningSubscriptions = {
      // A dead thread leaves its last statuses behind, marked failed, so /ready answers 503.
      status: () =>
        failure === null
          ? statuses
          : statuses.map((s) => ({ ...s, state: 'failed' as const, error: s.error ?? failure })),
      done,
      stop: async () => {
        if (stopping) return;
        stopping = true;
        const stop: ToSubscriptionsThread = { kind: 'stop' };
        worker.postMessage(stop);
        const timeout = setTimeout(() => void worker.terminate(), options.stopTimeoutMs ?? 10_000);
        await exited;
        clearTimeout(timeout);
        finishDone();
      },
    };
  });
}
