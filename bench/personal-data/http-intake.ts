import { signHs256 } from '@heard/http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDirectory } from '../intake/seed-directory';
import { startServer } from '../intake/server-process';
import { measureThroughput } from '../intake/throughput';

const SECRET = 'bench-secret-bench-secret-bench-secret';
const token = (sub: string, role: string) => signHs256({ sub, role }, SECRET);

/**
 * POST /v1/feedback as bench:intake measures it (embedded default, Fastify, 64 connections), on
 * the build in `root`: a fresh server and DATA_DIR each time, so neither build's subscriptions
 * catch up while the other is measured.
 */
export async function httpIntake(
  root: string,
  seconds: number,
  warmUpSeconds: number,
  port: number,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'heard-bench-personal-http-'));
  const server = await startServer({ DATA_DIR: dir, JWT_SECRET: SECRET }, port, { root });
  try {
    const storeIds = await seedDirectory(server.url, token('admin-1', 'cx_admin'), 10);
    const figures = await measureThroughput(
      server.url,
      token('pos-1', 'integration'),
      storeIds,
      seconds,
      warmUpSeconds,
    );
    if (figures.non2xx > 0 || figures.errors > 0)
      throw new Error(`${figures.non2xx} answers were not 2xx, ${figures.errors} errors`);
    return figures.requestsPerSecond;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
