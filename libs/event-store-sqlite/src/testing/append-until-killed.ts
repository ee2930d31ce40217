/**
 * Child process of the durability test: appends from many concurrent writers until it is killed,
 * printing one line per acknowledged append. Usage: append-until-killed <file> [writers].
 */
import { SqliteEventStore } from '../sqlite-event-store';

export interface Ack {
  readonly streamId: string;
  readonly version: number;
  readonly position: bigint;
}

export const formatAck = (ack: Ack): string =>
  `ack ${ack.streamId} ${ack.version} ${ack.position}\n`;

export function parseAck(line: string): Ack | null {
  const match = /^ack (\S+) (\d+) (\d+)$/.exec(line);
  return match
    ? { streamId: match[1], version: Number(match[2]), position: BigInt(match[3]) }
    : null;
}

async function writer(store: SqliteEventStore, streamId: string, perAppend: number): Promise<void> {
  for (let version = 0; ; version += perAppend) {
    const events = Array.from({ length: perAppend }, (_, i) => ({
      type: 'Tested',
      data: { n: version + i + 1 },
    }));
    const result = await store.append(streamId, events, {
      expectedVersion: version === 0 ? 'no_stream' : version,
    });
    process.stdout.write(
      formatAck({ streamId, version: result.nextExpectedVersion, position: result.lastPosition }),
    );
  }
}

if (require.main === module) {
  const [file, writers = '16'] = process.argv.slice(2);
  const store = new SqliteEventStore(file);
  const run = `${process.pid}`;
  for (let w = 0; w < Number(writers); w++) {
    writer(store, `durable-${run}-${w}`, (w % 4) * 10 + 1).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  }
}
