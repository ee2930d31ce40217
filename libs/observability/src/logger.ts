import { LogLevelName } from '@heard/config';
import pino, { DestinationStream, Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** `heard-api` or `heard-worker`: which process wrote the line. */
  readonly name: string;
  readonly level: LogLevelName;
  /** Where lines go; stdout unless given (tests pass a stream to read them back). */
  readonly destination?: DestinationStream;
}

/** Lines waiting for a stdout that cannot keep up are dropped beyond this, not held without end. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * One JSON object per line for log shippers; readable lines when a person watches a terminal.
 * Writing to stdout is asynchronous so that a slow pipe never holds up a request.
 */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    name: options.name,
    level: options.level,
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(settings, options.destination);
  if (process.stdout.isTTY)
    return pino(
      settings,
      pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name' }),
    );
  return pino(settings, pino.destination({ dest: 1, sync: false, maxLength: MAX_BUFFERED_BYTES }));
}

/** Writes nothing, at no cost: what tests get unless they ask for lines. */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** Writes what is buffered before the process exits. */
export const flushLogger = (logger: Logger): Promise<void> =>
  new Promise((resolve) => logger.flush(() => resolve()));
