import {
  ActualVersion,
  AppendGathering,
  AppendResult,
  atEndOf,
  Clock,
  ConcurrencyError,
  EventIdReusedError,
  EventStore,
  ExpectedVersion,
  InvalidAppendError,
  NewEvent,
} from '@heard/event-store';
import { MessagePort } from 'node:worker_threads';

/**
 * Appends somewhere else: the store that holds the file's only writing connection. `recordedAt`
 * is the caller's clock, so the envelope says when the caller recorded, as a local append would.
 */
export type AppendWriter = (
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
  recordedAt: Date,
) => Promise<AppendResult>;

interface AppendRequest {
  readonly id: number;
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
  readonly recordedAt: number;
}

/**
 * The serving store's clock: it tells the time each request was recorded by its caller. An
 * append reads its clock synchronously when it starts, so setting the time around that call is
 * enough; outside a request it is the system's time.
 */
export class CallersClock implements Clock {
  private current: Date | null = null;

  now(): Date {
    return this.current ?? new Date();
  }

  during<T>(at: Date, work: () => T): T {
    this.current = at;
    try {
      return work();
    } finally {
      this.current = null;
    }
  }
}

/** The refusals callers act on keep their class and fields across the port; others their text. */
type SentError =
  | {
      readonly kind: 'concurrency';
      readonly streamId: string;
      readonly expected: ExpectedVersion;
      readonly actual: ActualVersion;
    }
  | { readonly kind: 'invalid'; readonly field: string; readonly rule: string }
  | { readonly kind: 'reused'; readonly eventId: string; readonly streamId: string }
  | { readonly kind: 'other'; readonly message: string };

type AppendResponse =
  | { readonly id: number; readonly ok: true; readonly result: AppendResult }
  | { readonly id: number; readonly ok: false; readonly error: SentError };

function send(error: unknown): SentError {
  if (error instanceof ConcurrencyError)
    return {
      kind: 'concurrency',
      streamId: error.streamId,
      expected: error.expected,
      actual: error.actual,
    };
  if (error instanceof InvalidAppendError)
    return { kind: 'invalid', field: error.field, rule: error.rule };
  if (error instanceof EventIdReusedError)
    return { kind: 'reused', eventId: error.eventId, streamId: error.streamId };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

function receive(error: SentError): Error {
  switch (error.kind) {
    case 'concurrency':
      return new ConcurrencyError(error.streamId, error.expected, error.actual);
    case 'invalid':
      return new InvalidAppendError(error.field, error.rule);
    case 'reused':
      return new EventIdReusedError(error.eventId, error.streamId);
    case 'other':
      return new Error(error.message);
  }
}

/**
 * Queues what one side sends and posts it once per tick: appends made together (requests of one
 * burst, answers of one group commit) cross the port as one message instead of one each. `later`
 * says when the tick ends: by default once the current task's microtasks are done.
 */
function perTick<T>(post: (batch: T[]) => void, later = queueMicrotask): (item: T) => void {
  let queued: T[] = [];
  return (item) => {
    if (queued.length === 0)
      later(() => {
        const batch = queued;
        queued = [];
        post(batch);
      });
    queued.push(item);
  };
}

/**
 * Answers appends arriving on `port` with `store`: the writing side of forwardAppends. Given the
 * store's CallersClock, events are stamped with their caller's time.
 */
export function serveAppends(store: EventStore, port: MessagePort, clock?: CallersClock): void {
  const answer = perTick<AppendResponse>((batch) => port.postMessage(batch));
  const serve = (request: AppendRequest) => {
    // A Date that crossed a port may belong to another realm (jest's vm context) and fail
    // `instanceof Date`; the same instant made here does not.
    const events = request.events.map((e) =>
      e.occurredAt === undefined ? e : { ...e, occurredAt: new Date(e.occurredAt.getTime()) },
    );
    const append = () =>
      store.append(request.streamId, events, { expectedVersion: request.expectedVersion });
    const appended = clock ? clock.during(new Date(request.recordedAt), append) : append();
    appended.then(
      (result) => answer({ id: request.id, ok: true, result }),
      (error: unknown) => answer({ id: request.id, ok: false, error: send(error) }),
    );
  };
  port.on('message', (requests: readonly AppendRequest[]) => requests.forEach(serve));
}

/**
 * Sends appends through `port` to the store that serves them, so that threads of one process
 * share one writing connection (and its group commits) instead of waiting on each other's locks.
 * `gathering` says which appends cross as one message: `turn` on an API thread (bench:intake at a
 * fixed 2,500 req/s: a sixth less CPU per request on the API thread, a quarter less on the
 * writer thread, against `task`).
 */
export function forwardAppends(
  port: MessagePort,
  gathering: AppendGathering = 'task',
): AppendWriter {
  let nextId = 0;
  const waiting = new Map<
    number,
    { resolve(result: AppendResult): void; reject(error: Error): void }
  >();
  port.on('message', (responses: readonly AppendResponse[]) => {
    for (const response of responses) {
      const caller = waiting.get(response.id);
      if (!caller) continue;
      waiting.delete(response.id);
      if (response.ok) caller.resolve(response.result);
      else caller.reject(receive(response.error));
    }
  });
  const refuse = (id: number, error: unknown) => {
    const caller = waiting.get(id);
    waiting.delete(id);
    // Passed on as it is: the caller recognises a DataCloneError by its name.
    caller?.reject(error as Error);
  };
  const request = perTick<AppendRequest>((batch) => {
    try {
      port.postMessage(batch);
    } catch {
      // Something in one append cannot cross the port (a function, a symbol): it alone fails,
      // with the DataCloneError its caller turns into the store's own refusal.
      for (const one of batch) {
        try {
          port.postMessage([one]);
        } catch (error) {
          refuse(one.id, error);
        }
      }
    }
  }, atEndOf(gathering));
  // A writer that went away answers nothing more: its callers hear so instead of waiting forever.
  port.on('close', () => {
    for (const caller of waiting.values()) caller.reject(new Error('the SQLite writer stopped'));
    waiting.clear();
  });
  // Only an awaited answer keeps the thread alive: an idle port must not.
  port.unref();
  return (streamId, events, expectedVersion, recordedAt) =>
    new Promise<AppendResult>((resolve, reject) => {
      const id = nextId++;
      if (waiting.size === 0) port.ref();
      const settle = () => {
        if (waiting.size === 0) port.unref();
      };
      waiting.set(id, {
        resolve: (result) => {
          settle();
          resolve(result);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      request({ id, streamId, events, expectedVersion, recordedAt: recordedAt.getTime() });
    });
}
