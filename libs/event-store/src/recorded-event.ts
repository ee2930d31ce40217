/** JSON as it is stored: what `JSON.parse(JSON.stringify(x))` gives back unchanged. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An event as the store returns it: the data plus the envelope every stored event carries. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly streamId: string;
  /** 1 for a stream's first event, then +1 per event. */
  readonly streamVersion: number;
  /**
   * Order in the global log. Strictly increasing in the order subscribers receive events;
   * not dense: adapters may leave gaps.
   */
  readonly globalPosition: bigint;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly actor: string | null;
}

/** An event a writer hands to `append`. Missing envelope fields are filled by the store. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /** UUID; a v7 is generated when absent. Re-sending the same id makes a retry safe. */
  readonly eventId?: string;
  readonly type: Type;
  readonly data: Data;
  readonly schemaVersion?: number;
  readonly occurredAt?: Date;
  readonly correlationId?: string | null;
  readonly causationId?: string | null;
  readonly actor?: string | null;
}
