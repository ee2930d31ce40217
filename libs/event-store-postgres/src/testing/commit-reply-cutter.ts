import { createServer, connect, Socket } from 'node:net';

interface Message {
  readonly type: string;
  readonly body: Buffer;
}

/** Splits a protocol byte stream into messages; a client's first message has no type byte. */
class MessageFramer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private untypedFirst: boolean) {}

  push(chunk: Buffer): Message[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: Message[] = [];
    for (;;) {
      const head = this.untypedFirst ? 0 : 1;
      if (this.pending.length < head + 4) break;
      const end = head + this.pending.readInt32BE(head);
      if (this.pending.length < end) break;
      const type = head === 0 ? '' : String.fromCharCode(this.pending[0]);
      messages.push({ type, body: this.pending.subarray(head + 4, end) });
      this.pending = this.pending.subarray(end);
      this.untypedFirst = false;
    }
    return messages;
  }
}

/** The prepared statement a Bind message names: after the portal name, both NUL-terminated. */
function boundStatement(bind: Buffer): string {
  const portalEnd = bind.indexOf(0);
  return bind.toString('utf8', portalEnd + 1, bind.indexOf(0, portalEnd + 1));
}

export interface HeldAppend {
  /** Resolves once the server answered the call (after its commit) and the proxy dropped that. */
  readonly answered: Promise<void>;
  /** Closes the client's side now, while the server may still be working on the call. */
  dropClient(): void;
}

export interface CommitReplyCutter {
  /** The connection string given to `start`, pointed at the proxy. */
  readonly connectionString: string;
  /**
   * Arms one cut: the next call of the append function whose Bind message (statement name and
   * parameters as sent) satisfies `match` runs and commits on the server, then the proxy drops
   * the server's reply up to and including ReadyForQuery (sent only after the commit) and closes
   * both sides. Resolves once that happened.
   */
  cutAfterNextAppend(match?: (bind: Buffer) => boolean): Promise<void>;
  /**
   * Like `cutAfterNextAppend`, but resolves as soon as the call was sent, and the client's side
   * closes only at `dropClient`; the server's side stays open until the server has answered.
   */
  holdNextAppend(match?: (bind: Buffer) => boolean): Promise<HeldAppend>;
  close(): Promise<void>;
}

interface ArmedHold {
  readonly match: (bind: Buffer) => boolean;
  readonly held: (append: HeldAppend) => void;
}

/**
 * A TCP proxy on 127.0.0.1 between a client and PostgreSQL that forwards everything and can lose
 * the reply to a committed append. Plain TCP only: it reads the protocol, so no TLS.
 */
export async function startCommitReplyCutter(connectionString: string): Promise<CommitReplyCutter> {
  const target = new URL(connectionString);
  const sockets = new Set<Socket>();
  let armed: ArmedHold | null = null;

  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    const [up, down] = [new MessageFramer(true), new MessageFramer(false)];
    let answered: (() => void) | null = null;
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('close', () => {
      if (!answered) upstream.destroy();
    });
    upstream.on('close', () => client.destroy());

    client.on('data', (chunk: Buffer) => {
      const hold = armed;
      const bound = up
        .push(chunk)
        .some(
          (m) =>
            m.type === 'B' &&
            boundStatement(m.body).endsWith('.append_batches') &&
            hold?.match(m.body),
        );
      upstream.write(chunk);
      if (hold && bound) {
        armed = null;
        const done = new Promise<void>((resolve) => (answered = resolve));
        hold.held({ answered: done, dropClient: () => client.destroy() });
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      const messages = down.push(chunk);
      if (!answered) {
        client.write(chunk);
        return;
      }
      if (messages.some((m) => m.type === 'Z')) {
        client.destroy();
        upstream.destroy();
        answered();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP port');
  const proxied = new URL(connectionString);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(address.port);

  const holdNextAppend = (match: (bind: Buffer) => boolean = () => true) =>
    new Promise<HeldAppend>((held) => {
      armed = { match, held };
    });
  return {
    connectionString: proxied.toString(),
    holdNextAppend,
    cutAfterNextAppend: async (match) => (await holdNextAppend(match)).answered,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
