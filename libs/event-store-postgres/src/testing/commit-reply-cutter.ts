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
  close(): Promise<void>;
}

interface ArmedCut {
  readonly match: (bind: Buffer) => boolean;
  readonly done: () => void;
}

/**
 * A TCP proxy on 127.0.0.1 between a client and PostgreSQL that forwards everything and can lose
 * the reply to a committed append. Plain TCP only: it reads the protocol, so no TLS.
 */
export async function startCommitReplyCutter(connectionString: string): Promise<CommitReplyCutter> {
  const target = new URL(connectionString);
  const sockets = new Set<Socket>();
  let armed: ArmedCut | null = null;

  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    const [up, down] = [new MessageFramer(true), new MessageFramer(false)];
    let cut: ArmedCut | null = null;
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());

    client.on('data', (chunk: Buffer) => {
      for (const m of up.push(chunk)) {
        if (armed && m.type === 'B' && boundStatement(m.body).endsWith('.append_batches')) {
          if (armed.match(m.body)) [cut, armed] = [armed, null];
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      const messages = down.push(chunk);
      if (!cut) {
        client.write(chunk);
        return;
      }
      if (messages.some((m) => m.type === 'Z')) {
        client.destroy();
        upstream.destroy();
        cut.done();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP port');
  const proxied = new URL(connectionString);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(address.port);

  return {
    connectionString: proxied.toString(),
    cutAfterNextAppend: (match = () => true) =>
      new Promise<void>((done) => {
        armed = { match, done };
      }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
