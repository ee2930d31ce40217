import {
  backoffDelay,
  Backoff,
  describeError,
  ProjectionRunner,
  Random,
  ReactorRunner,
  Scheduler,
} from '@heard/projections';

export interface RestartPolicy {
  readonly scheduler: Scheduler;
  readonly backoff: Backoff;
  readonly random: Random;
  readonly log: (line: string) => void;
  readonly stopping: AbortSignal;
}

/**
 * Starts a runner again, after a backoff, each time it stops for good (a checkpoint conflict:
 * something else moved its checkpoint, such as a rebuild run beside it); from the checkpoint it
 * then finds. Returns once the runner stopped cleanly or `stopping` aborted. `starting` is the
 * restart in progress, which a stop must wait for before stopping the runner.
 */
export function restartWhenFailed(
  runner: ProjectionRunner | ReactorRunner,
  policy: RestartPolicy,
): { readonly done: Promise<void>; starting(): Promise<void> } {
  let starting: Promise<void> = Promise.resolve();
  const loop = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await runner.done;
        return;
      } catch (error) {
        if (policy.stopping.aborted) return;
        const retryInMs = backoffDelay(policy.backoff, attempt, policy.random);
        policy.log(
          `${runner.name}: stopped (${describeError(error)}); starting it again in ${retryInMs} ms`,
        );
        await policy.scheduler.sleep(retryInMs, policy.stopping);
        if (policy.stopping.aborted) return;
        starting = runner.start().then(
          () =>
            policy.log(`${runner.name}: started again from position ${runner.status().checkpoint}`),
          (startError: unknown) =>
            policy.log(`${runner.name}: could not start again: ${describeError(startError)}`),
        );
        await starting;
      }
    }
  };
  return { done: loop(), starting: () => starting };
}
