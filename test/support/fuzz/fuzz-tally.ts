import { FuzzRequest } from './fuzz-request.arbitrary';

export interface FuzzOutcome {
  /** The HTTP status, or what happened instead of one. */
  readonly status: number | 'hang' | 'connection error';
  readonly contentType: string | null;
  readonly body: string;
}

interface Kind {
  count: number;
  common: Set<string>;
}

/** The framework's error code or the problem type's last part: what kind of error it was. */
const codeOf = (body: string): string => {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; type?: unknown };
    if (typeof parsed.code === 'string') return parsed.code;
    if (typeof parsed.type === 'string') return parsed.type.split('/').pop() ?? parsed.type;
  } catch {
    // not JSON: no code to give
  }
  return body === '' ? 'empty body' : 'no code';
};

interface Failure {
  count: number;
  /** Labels every failing request of this kind had: the likely cause. */
  common: Set<string>;
  readonly example: FuzzRequest;
  readonly detail: string;
}

/** Sends one request; an answer slower than `timeoutMs` counts as a hang. */
export async function sendFuzzRequest(
  baseUrl: string,
  request: FuzzRequest,
  timeoutMs: number,
): Promise<FuzzOutcome> {
  try {
    const response = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: await response.text(),
    };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return {
      status: name === 'TimeoutError' || name === 'AbortError' ? 'hang' : 'connection error',
      contentType: null,
      body: String((error as { cause?: unknown }).cause ?? error),
    };
  }
}

/** What is wrong with an answer, or null: no 5xx, no hang, every 4xx an RFC 9457 problem. */
export function problemWith(outcome: FuzzOutcome): string | null {
  const { status } = outcome;
  if (typeof status !== 'number') return status;
  if (status >= 500) return `${status}`;
  if (status < 400) return null;
  if (!outcome.contentType?.startsWith('application/problem+json'))
    return `${status} as ${outcome.contentType ?? 'no content type'}`;
  try {
    const body = JSON.parse(outcome.body) as Record<string, unknown>;
    if (typeof body.type !== 'string' || typeof body.title !== 'string' || body.status !== status)
      return `${status} problem without type, title or matching status`;
  } catch {
    return `${status} problem+json that is not JSON`;
  }
  return null;
}

/** Counts by status and the distinct failures, for the report and the assertion. */
export class FuzzTally {
  private readonly statuses = new Map<string, number>();
  private readonly failures = new Map<string, Failure>();
  private readonly kinds = new Map<string, Kind>();
  /** Writes answered 2xx that had something odd: the suspects when a projection fails. */
  private readonly oddWrites: FuzzRequest[] = [];

  /** `contractProblem`: how the answer differs from the document, if it does. */
  record(request: FuzzRequest, outcome: FuzzOutcome, contractProblem: string | null = null): void {
    const status = String(outcome.status);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (typeof outcome.status === 'number' && outcome.status < 300 && request.method !== 'GET') {
      if (request.labels.length > 0) this.oddWrites.push(request);
    }
    const problem = problemWith(outcome) ?? contractProblem;
    if (problem === null) return;
    const labels = request.labels.flatMap((l) => l.split(', '));
    // Most requests have one odd part: then it is the cause, and the kind says so.
    const cause = request.labels.length === 1 ? request.labels[0].replace(/\d+/g, 'N') : 'several';
    this.count(this.kinds, `${problem} (${codeOf(outcome.body)}) from ${cause}`, labels);
    const key = `${problem} on ${request.method} ${request.template}`;
    const seen = this.failures.get(key);
    if (seen) {
      seen.count += 1;
      seen.common = new Set(labels.filter((l) => seen.common.has(l)));
    } else {
      const detail = outcome.body.slice(0, 300);
      this.failures.set(key, { count: 1, common: new Set(labels), example: request, detail });
    }
  }

  private count(into: Map<string, Kind>, key: string, labels: readonly string[]): void {
    const seen = into.get(key);
    if (seen) {
      seen.count += 1;
      seen.common = new Set(labels.filter((l) => seen.common.has(l)));
    } else into.set(key, { count: 1, common: new Set(labels) });
  }

  /** Failures by kind and error code, with what every request of the kind had in common. */
  kindReport(): string {
    return [...this.kinds.entries()]
      .sort(([, a], [, b]) => b.count - a.count)
      .map(([key, k]) => `  ${key}: ${k.count} (every one had: ${[...k.common].join(', ') || '-'})`)
      .join('\n');
  }

  oddWriteReport(): string {
    return this.oddWrites
      .map((r) => {
        const body = r.body === undefined ? '' : ` ${JSON.stringify(r.body.slice(0, 160))}`;
        return `  ${r.method} ${r.url.slice(0, 120)} [${r.labels.join(', ')}]${body}`;
      })
      .join('\n');
  }

  get requestCount(): number {
    return [...this.statuses.values()].reduce((sum, n) => sum + n, 0);
  }

  get failureCount(): number {
    return [...this.failures.values()].reduce((sum, f) => sum + f.count, 0);
  }

  byStatus(): string {
    return [...this.statuses.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
  }

  failureReport(): string {
    return [...this.failures.entries()]
      .sort(([, a], [, b]) => b.count - a.count)
      .map(([key, f]) => {
        const { method, url, headers, body, labels } = f.example;
        const shown = body === undefined ? '' : ` body ${JSON.stringify(body.slice(0, 120))}`;
        return (
          `  ${key}: ${f.count} (every one had: ${[...f.common].join(', ') || 'nothing in common'})\n` +
          `    e.g. ${method} ${url.slice(0, 160)} [${labels.join(', ')}] content-type ` +
          `${headers['content-type'] ?? 'none'}${shown}\n    answered: ${f.detail}`
        );
      })
      .join('\n');
  }
}
