/** What a running subscription reports, so /ready and operators can see lag. */
export interface RunnerStatus {
  readonly name: string;
  readonly kind: 'projection' | 'reactor';
  readonly state: 'idle' | 'running' | 'stopped' | 'failed';
  /** Position of the last event whose effects are committed. */
  readonly checkpoint: bigint;
  /** True once caught up with the log and waiting for new events. */
  readonly live: boolean;
  readonly error: string | null;
  /** Errors since start (a failed batch, a retried event); absent where a runner does not count. */
  readonly failures?: number;
}
