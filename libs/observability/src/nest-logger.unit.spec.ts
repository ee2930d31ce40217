import { createLogger } from './logger';
import { PinoNestLogger } from './nest-logger';

describe("Nest's logger over pino", () => {
  const written = (level: 'info' | 'debug', act: (logger: PinoNestLogger) => void) => {
    const lines: Record<string, unknown>[] = [];
    const pino = createLogger({
      name: 'heard-api',
      level,
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    act(new PinoNestLogger(pino));
    return lines;
  };

  it('keeps the context, and the stack of an error', () => {
    const lines = written('info', (logger) => {
      logger.log('Nest application successfully started', 'NestApplication');
      logger.error('could not connect', 'Error: refused\n    at x', 'TypeOrmModule');
      logger.warn({ port: 1 }, 'Platform');
    });
    expect(lines).toMatchObject([
      { level: 30, context: 'NestApplication', msg: 'Nest application successfully started' },
      {
        level: 50,
        context: 'TypeOrmModule',
        msg: 'could not connect',
        stack: 'Error: refused\n    at x',
      },
      { level: 40, context: 'Platform', port: 1 },
    ]);
  });

  it("writes Nest's start-up chatter only when debugging", () => {
    const chatter = (logger: PinoNestLogger) =>
      logger.log('Mapped {/v1/cases, GET} route', 'RouterExplorer');
    expect(written('info', chatter)).toEqual([]);
    expect(written('debug', chatter)).toMatchObject([{ level: 20, context: 'RouterExplorer' }]);
  });
});
