import { Subscription } from '@heard/event-store';
import { RunnerStatus } from '../runner-status';

/**
 * The running state both runners share: idle → running → stopped or failed, the subscription,
 * and `done`, which rejects with the failure that stopped it.
 */
export class SubscriptionLifecycle {
  private subscription: Subscription | null = null;
  private state: RunnerStatus['state'] = 'idle';
  private error: string | null = null;
  private finished: Promise<void> = Promise.resolve();

  constructor(private readonly name: string) {}

  assertIdle(): void {
    if (this.state === 'running') throw new Error(`${this.name} is already running`);
  }

  begin(subscribe: () => Subscription): void {
    this.state = 'running';
    this.error = null;
    const subscription = subscribe();
    this.subscription = subscription;
    this.finished = subscription.done.then(
      () => {
        if (this.state === 'running') this.state = 'stopped';
      },
      (error: unknown) => {
        this.state = 'failed';
        this.error = error instanceof Error ? error.message : String(error);
        throw error;
      },
    );
    // Callers read the failure from `done`; an unobserved one must not crash the process.
    this.finished.catch(() => undefined);
  }

  get done(): Promise<void> {
    return this.finished;
  }

  isLive(): boolean {
    return this.subscription?.isLive() ?? false;
  }

  status(kind: RunnerStatus['kind'], checkpoint: bigint): RunnerStatus {
    return {
      name: this.name,
      kind,
      state: this.state,
      checkpoint,
      live: this.state === 'running' && this.isLive(),
      error: this.error,
    };
  }

  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopped';
    await this.subscription?.stop();
  }
}
