import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  readonly to: readonly string[];
  readonly raw: Buffer;
}

export interface SmtpSink {
  readonly url: string;
  readonly messages: SinkMessage[];
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** A recipient to answer with this SMTP code (e.g. 550 for "no such mailbox"). */
  readonly refuse?: (to: string) => number | null;
  /** Keep no bodies, only count (the bench). */
  readonly countOnly?: boolean;
  readonly onMessage?: (raw: Buffer) => void;
}

/** A real SMTP server on loopback that keeps what it is sent: the receiving end of tests and the bench. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    maxClients: 200,
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.(address.address) ?? null;
      if (code === null) return callback();
      const error = Object.assign(new Error(`refused ${code}`), { responseCode: code });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        options.onMessage?.(raw);
        if (!options.countOnly)
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  // A sender killed mid-message resets its connection: that is the test, not a failure of the sink.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
