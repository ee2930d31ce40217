import { Agent, request } from 'node:http';

export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * POSTs JSON over kept-alive connections with node:http. The open-loop latency probe shares the
 * machine's two cores with the server, and fetch cost it about twice the CPU per request: time
 * the server then lost to the load generator.
 */
export function jsonPoster(baseUrl: string, maxSockets = 256) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const base = new URL(baseUrl);
  return {
    post(path: string, headers: Record<string, string>, body: unknown): Promise<JsonAnswer> {
      const payload = Buffer.from(JSON.stringify(body));
      return new Promise((resolve, reject) => {
        const req = request(
          {
            agent,
            host: base.hostname,
            port: base.port,
            path,
            method: 'POST',
            headers: {
              ...headers,
              'content-type': 'application/json',
              'content-length': String(payload.length),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              try {
                resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    },
    close(): void {
      agent.destroy();
    },
  };
}
