import { ActualVersion, ExpectedVersion } from './expected-version';

/** The one conflict error every adapter throws: nothing of the batch was written. */
export class ConcurrencyError extends Error {
  readonly code = 'event_store.concurrency_conflict';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: ActualVersion,
  ) {
    super(`stream ${streamId}: expected version ${expected}, actual ${actual}`);
    this.name = 'ConcurrencyError';
  }
}

/** An append the store refuses before touching storage: the field and the rule are named. */
export class InvalidAppendError extends Error {
  readonly code = 'event_store.invalid_append';

  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'InvalidAppendError';
  }
}

/** An event id reused for different content: a retry must resend exactly what it sent. */
export class EventIdReusedError extends Error {
  readonly code = 'event_store.event_id_reused';

  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(
      `event ${eventId} is already stored with other content or in another stream than ${streamId}`,
    );
    this.name = 'EventIdReusedError';
  }
}
