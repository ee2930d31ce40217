/** Another runner moved the checkpoint: this one must stop, its batch was rolled back. */
export class CheckpointConflictError extends Error {
  readonly code = 'projections.checkpoint_conflict';

  constructor(
    readonly subscription: string,
    readonly expected: bigint,
    readonly actual: bigint | null,
  ) {
    super(
      `${subscription}: checkpoint expected at ${expected} but found at ${actual ?? 'nothing'}; ` +
        'another runner of the same subscription is advancing it, so this one stops',
    );
    this.name = 'CheckpointConflictError';
  }
}
