import { AppendSignal } from '@heard/event-store';
import { Client, ClientConfig } from 'pg';

const RECONNECT_AFTER_MS = 1000;

/**
 * LISTENs on the store's channel over one dedicated connection and wakes local subscribers.
 * While it is down subscribers still poll, so a lost connection costs latency, never events.
 */
export class AppendListener {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private nextAttemptAt = 0;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly signal: AppendSignal,
  ) {}

  /** Starts listening unless it is already, or a recent attempt failed. */
  ensure(): void {
    if (this.closed || this.client || this.connecting || Date.now() < this.nextAttemptAt) return;
    this.connecting = this.connect()
      .catch(() => {
        this.nextAttemptAt = Date.now() + RECONNECT_AFTER_MS;
      })
      .finally(() => {
        this.connecting = null;
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    // Without an error listener a dropped connection would crash the process.
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    client.on('notification', () => this.signal.notify());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Appends made while nobody listened are found by the next read.
    this.signal.notify();
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.nextAttemptAt = Date.now() + RECONNECT_AFTER_MS;
    client.end().catch(() => undefined);
  }
}
