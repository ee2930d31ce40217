import fc from 'fast-check';
import { waitFor } from '@heard/event-store/testing';
import { Role } from '@heard/kernel';
import { fuzzAuthorizations } from './support/fuzz/fuzz-authorizations';
import { FuzzRequest, fuzzRequest } from './support/fuzz/fuzz-request.arbitrary';
import { FuzzOutcome, FuzzTally, sendFuzzRequest } from './support/fuzz/fuzz-tally';
import {
  E2E_JWT_SECRET,
  embeddedDeployment,
  embeddedOnExpress,
  HeardUnderTest,
  postgresDeployment,
  startHeard,
} from './support/heard-under-test';
import { fetchOpenApiDocument, OpenApiDocument } from './support/openapi-document';
import { ContractMismatch, OpenApiResponseValidator } from './support/openapi-response-validator';

/** A whole number from the environment, or a clear error: a typo must not silently fuzz nothing. */
function wholeNumberFrom(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value >= 2 ** 31)
    throw new Error(`${name} must be a whole number from ${min} to ${2 ** 31 - 1}, got "${raw}"`);
  return value;
}

const DEFAULT_SEED = 20_261_201;
const RUNS = wholeNumberFrom('FUZZ_RUNS', 1000, 1);
// A fixed seed keeps `npm test` the same from run to run; FUZZ_SEED=random explores new requests.
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Date.now() % 2 ** 31
    : wholeNumberFrom('FUZZ_SEED', DEFAULT_SEED, 0);
/** Per adapter: the run stops early rather than hold CI up on a slow machine. */
const TIME_LIMIT_MS = 40_000 * Math.max(1, RUNS / 1000);
const HANG_MS = 10_000;

const SUBJECTS: Record<Role, string> = {
  customer: 'C-1',
  agent: 'A-1',
  store_manager: 'M-42',
  regional_manager: 'RM-1',
  cx_admin: 'admin-1',
  integration: 'pos-bridge',
};

/** How an answer differs from the served document: status, content type, body schema. */
function contractProblemOf(
  contract: OpenApiResponseValidator,
  request: FuzzRequest,
  outcome: FuzzOutcome,
): string | null {
  // A request that reached no documented operation (an empty path segment) has no contract.
  if (typeof outcome.status !== 'number' || !contract.operationOf(request.method, request.url))
    return null;
  try {
    contract.check(request.method, request.url, outcome.status, outcome.contentType, outcome.body);
    return null;
  } catch (error) {
    if (error instanceof ContractMismatch) return `not as documented: ${error.kind}`;
    throw error;
  }
}

interface Readiness {
  readonly status: string;
  readonly subscriptions?: { name: string; state: string; live: boolean; error: string | null }[];
}

/** Polls /ready until every subscription is live or one failed; input accepted must not poison one. */
async function settledReadiness(
  heard: HeardUnderTest,
): Promise<{ status: number; body: Readiness }> {
  let last = { status: 0, body: { status: 'unknown' } as Readiness };
  const settled = async () => {
    const response = await fetch(`${heard.url}/ready`);
    const text = await response.text();
    const type = response.headers.get('content-type');
    heard.contract.check('GET', '/ready', response.status, type, text);
    last = { status: response.status, body: JSON.parse(text) as Readiness };
    return response.status !== 200 || last.body.status === 'ready';
  };
  await waitFor(settled, { timeoutMs: 30_000, everyMs: 50, what: 'every subscription live' }).catch(
    () => undefined, // still catching up after 30 s: what /ready said last is the finding
  );
  return last;
}

describe.each([embeddedDeployment, embeddedOnExpress, postgresDeployment])(
  'every documented operation under fuzzing on $name',
  (deployment) => {
    let heard: HeardUnderTest;
    let document: OpenApiDocument;
    const knownIds: string[] = ['S-042', 'M-42', 'C-1'];

    beforeAll(async () => {
      heard = await startHeard(deployment);
      document = await fetchOpenApiDocument(heard.url);
      const admin = heard.as(SUBJECTS.cx_admin, 'cx_admin');
      await admin.put('/v1/people/M-42', { name: 'Anna', roles: ['store_manager'], locale: 'en' });
      await admin.put('/v1/stores/S-042', {
        name: 'Privoz',
        timezone: 'Europe/Kyiv',
        managerId: 'M-42',
      });
      const complaint = await heard
        .as('C-1', 'customer')
        .post<{ feedbackId: string }>('/v1/feedback', {
          kind: 'complaint',
          channel: 'store',
          storeId: 'S-042',
          customer: { consent: false },
          text: 'Only one till open',
        });
      knownIds.push(complaint.body.feedbackId);
    }, 60_000);

    afterAll(async () => {
      await heard?.close();
    });

    it(
      `answers ${RUNS} odd requests as documented, without a 5xx or a hang, every 4xx as problem+json, every subscription still running`,
      async () => {
        const tally = new FuzzTally();
        const inputs = {
          document,
          authorizations: fuzzAuthorizations(E2E_JWT_SECRET, (role) => SUBJECTS[role]),
          adminAuthorization: `Bearer ${heard.as(SUBJECTS.cx_admin, 'cx_admin').token}`,
          knownIds,
        };
        await fc.assert(
          fc.asyncProperty(fuzzRequest(inputs), async (request) => {
            const outcome = await sendFuzzRequest(heard.url, request, HANG_MS);
            tally.record(request, outcome, contractProblemOf(heard.contract, request, outcome));
          }),
          { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
        );
        console.log(
          `fuzz on ${deployment.name}, seed ${SEED}, ${tally.requestCount} requests: ${tally.byStatus()}`,
        );
        const ready = await settledReadiness(heard);
        const stuck = (ready.body.subscriptions ?? []).filter((s) => s.state !== 'running');
        const problems = [
          ...(tally.failureCount > 0
            ? [
                `${tally.failureCount} bad answers, by kind:\n${tally.kindReport()}\n` +
                  `by operation:\n${tally.failureReport()}`,
              ]
            : []),
          ...(ready.status !== 200 || stuck.length > 0
            ? [
                `/ready answered ${ready.status}: ${JSON.stringify(stuck.length ? stuck : ready.body)}\n` +
                  `writes accepted with something odd in them:\n${tally.oddWriteReport()}`,
              ]
            : []),
        ];
        if (problems.length > 0) {
          throw new Error(
            `fuzz on ${deployment.name} (reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}), ` +
              `answers by status ${tally.byStatus()}\n${problems.join('\n')}`,
          );
        }
      },
      TIME_LIMIT_MS + 60_000,
    );
  },
);
