import { EventStore } from '@heard/event-store';
import { waitFor } from '@heard/event-store/testing';
import { ProjectionRunner } from '../runner/projection-runner';

/** The position of the newest event in the log, 0n when it is empty. */
export async function headPosition(store: EventStore): Promise<bigint> {
  let head = 0n;
  for (;;) {
    const page = await store.readAll({ after: head, limit: 5000 });
    if (page.length === 0) return head;
    head = page[page.length - 1].globalPosition;
  }
}

/** Waits until the runner has committed everything in the log and is live. */
export async function waitUntilCaughtUp(
  runner: ProjectionRunner | { status: ProjectionRunner['status']; name: string },
  store: EventStore,
  timeoutMs = 20_000,
): Promise<void> {
  const head = await headPosition(store);
  await waitFor(
    () => {
      const status = runner.status();
      if (status.state === 'failed') throw new Error(`${runner.name} failed: ${status.error}`);
      return status.live && status.checkpoint === head;
    },
    { timeoutMs, what: `${runner.name} to reach position ${head}` },
  );
}
