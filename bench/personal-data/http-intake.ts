import { signHs256 } from '@heard/http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDirectory } from '../intake/seed-directory';
import { ServerOptions, startServer } from '../intake/server-process';
import { measureThroughput } from '../intake/throughput';

const SECRET = 'bench-secret-bench-secret-bench-secret';
const token = (sub: string, role: string) => signHs256({ sub, role }, SECRET);

export interface HttpFigures {
  readonly rate: number;
  /** CPU seconds of the server process (all its threads) per 1,000 requests; null where unknown. */
  readonly cpuPer1000: number | null;
}

/**
 * POST /v1/feedback as bench:intake measures it (embedded default, Fastify, 64 connections), on
 * the server `server` names (a build, or a script from source): a fresh server and DATA_DIR each
 * time, so neither side's subscriptions catch up while the other is measured.
 */
export async function httpIntake(
  server: ServerOptions,
  seconds: number,
  warmUpSeconds: number,
  port: number,
): Promise<HttpFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'heard-bench-personal-http-'));
  const running = await startServer({ DATA_DIR: dir, JWT_SECRET: SECRET }, port, server);
  try {
    const storeIds = await seedDirectory(running.url, token('admin-1', 'cx_admin'), 10);
    const figures = await measureThroughput(
      running.url,
      token('pos-1', 'integration'),
      storeIds,
      seconds,
      warmUpSeconds,
      () => running.cpuSeconds(),
    );
    if (figures.non2xx > 0 || figures.errors > 0)
      throw new Error(`${figures.non2xx} answers were not 2xx, ${figures.errors} errors`);
    return { rate: figures.requestsPerSecond, cpuPer1000: figures.cpuSecondsPer1000 };
  } finally {
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
