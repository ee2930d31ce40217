import { percentile } from '../report';
import { complaintBody } from './feedback-bodies';
import { jsonPoster } from './post-json';
import { ReadModelProbe } from './read-model-probe';

/**
 * How often the read model is asked which cases have an owner: the resolution of the figures.
 * The probe shares the machine's two cores with the server, so polling much faster measures
 * mostly the probe's own load.
 */
const POLL_MS = 10;

export interface LatencyFigures {
  readonly rate: number;
  readonly sent: number;
  readonly assigned: number;
  readonly unassigned: number;
  readonly p50: number;
  readonly p99: number;
}

/**
 * Open loop: complaints are sent at `rate` per second whatever the server's pace, and each one's
 * time from its 202 to its case having an owner in the assignments read model is recorded.
 */
export async function measureAssignmentLatency(
  url: string,
  token: string,
  storeIds: readonly string[],
  probe: ReadModelProbe,
  rate: number,
  seconds: number,
  run: string,
): Promise<LatencyFigures> {
  const acceptedAt = new Map<string, number>();
  const latencies: number[] = [];
  const total = rate * seconds;
  let sent = 0;
  let refused = 0;
  let inFlight: Promise<void>[] = [];
  const poster = jsonPoster(url);
  const send = async (i: number) => {
    const response = await poster.post(
      '/v1/feedback',
      { authorization: `Bearer ${token}` },
      complaintBody(i, storeIds, `bench_${run}`),
    );
    const body = response.body as { feedbackId?: string } | null;
    if (response.status === 202 && body?.feedbackId)
      acceptedAt.set(body.feedbackId, performance.now());
    else refused++;
  };
  let polling = true;
  const poller = (async () => {
    while (polling || acceptedAt.size > 0) {
      const pending = [...acceptedAt.keys()];
      for (let i = 0; i < pending.length; i += 500) {
        for (const id of await probe.assigned(pending.slice(i, i + 500))) {
          const at = acceptedAt.get(id);
          if (at !== undefined) latencies.push(performance.now() - at);
          acceptedAt.delete(id);
        }
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  const started = performance.now();
  // 10 ms ticks: each sends what the schedule owes so far.
  while (sent < total) {
    const owed = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    while (sent < owed) inFlight.push(send(sent++));
    if (inFlight.length > 1000) {
      await Promise.all(inFlight);
      inFlight = [];
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(inFlight);
  poster.close();
  if (refused > 0) throw new Error(`${refused} of ${sent} complaints were not accepted`);
  const deadline = performance.now() + 30_000;
  while (acceptedAt.size > 0 && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  polling = false;
  const unassigned = acceptedAt.size;
  acceptedAt.clear();
  await poller;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    rate,
    sent,
    assigned: latencies.length,
    unassigned,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}
