/** One transaction an adapter's group commit wrote, for metrics: how many callers it served. */
export interface CommittedGroup {
  /** Appends the transaction carried, refused ones included. */
  readonly appends: number;
  readonly events: number;
  /** Time spent writing and committing, the flush to disk included. */
  readonly seconds: number;
}

/** Called after each group commit; it must return at once (it runs on the writer's path). */
export type GroupCommitObserver = (group: CommittedGroup) => void;
