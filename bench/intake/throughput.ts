import autocannon from 'autocannon';
import { feedbackBody } from './feedback-bodies';

export interface ThroughputFigures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  /** CPU seconds the server spent per 1,000 answered requests (all its threads), when known. */
  readonly cpuSecondsPer1000: number | null;
}

/**
 * POST /v1/feedback from 64 connections for `seconds`, each request a different body, after
 * `warmUpSeconds` of the same load whose figures are dropped: the first seconds of a fresh process
 * measure V8 compiling the request path, not the service.
 */
export async function measureThroughput(
  url: string,
  token: string,
  storeIds: readonly string[],
  seconds: number,
  warmUpSeconds = 0,
  serverCpuSeconds: () => number | null = () => null,
): Promise<ThroughputFigures> {
  let i = 0;
  if (warmUpSeconds > 0) await load(url, token, storeIds, warmUpSeconds, () => i++);
  const cpuBefore = serverCpuSeconds();
  const result = await load(url, token, storeIds, seconds, () => i++);
  const cpuAfter = serverCpuSeconds();
  return {
    cpuSecondsPer1000:
      cpuBefore === null || cpuAfter === null || result.requests.total === 0
        ? null
        : ((cpuAfter - cpuBefore) / result.requests.total) * 1000,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function load(
  url: string,
  token: string,
  storeIds: readonly string[],
  seconds: number,
  next: () => number,
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: 64,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/feedback',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify(feedbackBody(next(), storeIds)),
        }),
      },
    ],
  });
}
