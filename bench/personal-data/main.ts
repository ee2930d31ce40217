/**
 * `npm run bench:personal-data`: what sealing personal data costs, side by side in one run on the
 * embedded default (SQLite files) and on PostgreSQL (events, keys and read models in a fresh
 * database per side, BENCH_POSTGRES_ADMIN_URL; BENCH_PERSONAL_STORES=sqlite, =postgres or =http runs one):
 * intake through the feedback command path (receiveFeedback, 64 in flight, 5,000 customers as
 * bench:intake uses), and rebuilds of the customer-feedback projection, which holds every
 * customer's words (sealed, as the events hold them, on the sealing side), and of loop-rate, which
 * holds none (its log counted through the adapter beneath, as `worker rebuild` does), each with
 * the plain store and with the sealing one (createHeardEventStore), the sealing side opening a new
 * store each rebuild: no key cached. After each customer-feedback rebuild, every customer's first
 * page as GET /v1/me/feedback lists it: where that read model's decryption went.
 * The rounds alternate so that drift of a shared machine falls on both. Without HTTP, which costs
 * both the same, the intake ratio bounds the one bench:intake would show.
 * With BENCH_BASE_DIR (a built checkout of the commit before sealing, see README "Personal data")
 * it also measures POST /v1/feedback over HTTP as bench:intake does, that build against this one
 * (`npm run build` first), BENCH_SECONDS (default 10) after BENCH_WARM_UP_SECONDS (default 3).
 * Last (BENCH_PERSONAL_STORES=http runs it alone), POST /v1/feedback over HTTP with bench:intake's
 * load against this source as `npm start` runs it, with and without sealing (bench-api.ts), the
 * two servers alternating round by round: what sealing costs bench:intake's throughput.
 * BENCH_FEEDBACK (default 20000) items per round, BENCH_ROUNDS (default 3).
 */
import type { HeardConfig } from '@heard/config';
import type { PersonalDataPort } from '@heard/customers';
import type { EventStore } from '@heard/event-store';
import type { FeedbackSubmission } from '@heard/feedback';
import type { Projection } from '@heard/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Figures, printFigures, printRatio, timed } from '../report';
import { ServerOptions } from '../intake/server-process';
import {
  config,
  eventStore,
  feedback,
  feedbackReadModels,
  loop,
  projections,
  runtime,
} from './built';
import { httpIntake } from './http-intake';

const { loadConfig } = config;
const { systemClock } = eventStore;
const { receiveFeedback } = feedback;
const { customerFeedbackProjection, listCustomerFeedback } = feedbackReadModels;
const { loopRateProjection } = loop;
const { ProjectionCheckpointEntity, rebuildProjection } = projections;
const { createEventStore, createHeardEventStore, createReadModelDataSource } = runtime;

const ITEMS = Number(process.env.BENCH_FEEDBACK ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 64;
const CUSTOMERS = 5000;
const BASE_DIR = process.env.BENCH_BASE_DIR ?? null;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const STORES = (process.env.BENCH_PERSONAL_STORES ?? 'sqlite,postgres,http').split(',');
const ADMIN_URL =
  process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const integration = { id: 'bench', role: 'integration' } as const;

function submission(i: number): FeedbackSubmission {
  return {
    kind: i % 3 === 0 ? 'complaint' : 'review',
    channel: 'app',
    storeId: `S-${i % 50}`,
    customer: {
      id: `C-${i % CUSTOMERS}`,
      email: `c${i % CUSTOMERS}@example.com`,
      consent: true,
    },
    rating: i % 3 === 0 ? undefined : 4 + (i % 2),
    text: i % 3 === 0 ? 'Очередь на кассе 20 минут' : 'Дякую, все добре',
    language: 'ru',
  };
}

interface OpenedStore {
  readonly store: EventStore;
  /** The adapter beneath: a rebuild counts the log there, as `worker rebuild` does. */
  readonly raw: EventStore;
  /** What the API opens sealed words with; the plain side has nothing sealed to open. */
  readonly personal: Pick<PersonalDataPort, 'opener'>;
}

const NOTHING_SEALED: Pick<PersonalDataPort, 'opener'> = {
  opener: async () => {
    throw new Error('the plain side has nothing sealed to open');
  },
};

/** Where one variant keeps its events, keys and read models: a directory, or a database. */
interface Place {
  readonly config: HeardConfig;
  drop(): Promise<void>;
}

interface Backend {
  /** As BENCH_PERSONAL_STORES names it. */
  readonly key: string;
  readonly name: string;
  place(): Promise<Place>;
}

const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

const SQLITE: Backend = {
  key: 'sqlite',
  name: 'SQLite',
  place: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-bench-personal-'));
    return {
      config: loadConfig({ DATA_DIR: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** Events, keys and read models in a fresh database each, dropped afterwards. */
const POSTGRES: Backend = {
  key: 'postgres',
  name: 'PostgreSQL',
  place: async () => {
    const name = `heard_bench_personal_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const config = loadConfig({
      EVENT_STORE: 'postgres',
      DATABASE_URL: url.toString(),
      HEARD_MASTER_KEY: MASTER_KEY,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    });
    return {
      config,
      drop: async () => {
        const client = new Client({ connectionString: ADMIN_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  },
};

interface Variant {
  readonly name: string;
  open(config: HeardConfig): Promise<OpenedStore>;
  /** secure_delete (SQLite) is part of the change: the plain side runs without it, as before. */
  readonly secureDelete: boolean;
}

/** Appends gathered as the API thread gathers them: intake is its command path. */
const AS_THE_API = { gatherAppends: 'turn' } as const;

const VARIANTS: readonly Variant[] = [
  {
    name: 'plain',
    open: async (config) => {
      const store = await createEventStore(config, systemClock, AS_THE_API);
      return { store, raw: store, personal: NOTHING_SEALED };
    },
    secureDelete: false,
  },
  {
    name: 'sealed',
    open: async (config) => createHeardEventStore(config, systemClock, AS_THE_API),
    secureDelete: true,
  },
];

/** Figures with the CPU time this process spent meanwhile, all its threads. */
interface Measured extends Figures {
  readonly cpuSeconds: number;
}

async function measured(run: () => Promise<Figures>): Promise<Measured> {
  const before = process.cpuUsage();
  const figures = await run();
  const { user, system } = process.cpuUsage(before);
  return { ...figures, cpuSeconds: (user + system) / 1e6 };
}

/** The store stays open across rounds, as a running API's does: its sealing keys stay cached. */
function intake(label: string, store: EventStore): Promise<Measured> {
  return measured(() =>
    timed(
      label,
      ITEMS,
      CONCURRENCY,
      (i) => receiveFeedback({ store, clock: systemClock }, submission(i), integration),
      'feedback',
    ),
  );
}

/**
 * customer-feedback holds every customer's words, kept sealed on the sealing side; loop-rate holds
 * none of them (ids, stores, times). Neither decrypts: the sealing side looks keys up per batch.
 */
const REBUILT: readonly Projection[] = [customerFeedbackProjection, loopRateProjection];

/**
 * Where customer-feedback's decryption went: the first page (20 items) of every customer's
 * feedback, as GET /v1/me/feedback reads it (8 at a time), each customer's words opened with a
 * key not yet known (5,000 customers), on the read model just rebuilt.
 */
async function listing(
  label: string,
  dataSource: Parameters<typeof listCustomerFeedback>[0],
  personal: Pick<PersonalDataPort, 'opener'>,
): Promise<Measured> {
  return measured(() =>
    timed(
      label,
      CUSTOMERS,
      8,
      (i) => listCustomerFeedback(dataSource, personal, `C-${i}`, { limit: 20 }),
      'pages',
    ),
  );
}

async function rebuild(
  projection: Projection,
  variant: Variant,
  config: HeardConfig,
  label: string,
  listed?: (figures: Measured) => void,
): Promise<Measured> {
  const { store, raw, personal } = await variant.open(config);
  const entities = [...projection.entities, ProjectionCheckpointEntity];
  const dataSource = await createReadModelDataSource(config, entities);
  if (!variant.secureDelete && config.databaseUrl === null)
    await dataSource.query('PRAGMA secure_delete = OFF');
  try {
    // Progress is not printed: the log is counted nowhere, so that the CPU time is the replay's.
    const countIn: EventStore = { ...raw, readAll: async () => [] };
    const rebuilt = await measured(async () => {
      const summary = await rebuildProjection(projection, store, dataSource, {
        countIn,
      });
      return { label, count: summary.done, seconds: summary.elapsedMs / 1000 };
    });
    if (listed) {
      const pages = label.replace(/^rebuild [^,]+/, 'list customer feedback (first pages)');
      listed(await listing(pages, dataSource, personal));
    }
    return rebuilt;
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}

const total = (figures: readonly Measured[]): Measured => ({
  label: figures[0].label.replace(/, round \d+$/, ', all rounds'),
  count: figures.reduce((n, f) => n + f.count, 0),
  seconds: figures.reduce((s, f) => s + f.seconds, 0),
  cpuSeconds: figures.reduce((s, f) => s + f.cpuSeconds, 0),
  unit: figures[0].unit,
});

/** The same ratio per CPU second of this process: steadier than wall time on a shared machine. */
function printCpuRatio(label: string, ours: Measured, peer: Measured): void {
  const ratio = ours.count / ours.cpuSeconds / (peer.count / peer.cpuSeconds);
  console.log(`${`${label}, per CPU second`.padEnd(58)} ${ratio.toFixed(2)}x`);
}

interface HttpSide {
  readonly name: string;
  readonly server: ServerOptions;
}

/** Over HTTP, two servers alternating round by round; the ratio is the second's to the first's. */
async function httpRounds(sides: readonly [HttpSide, HttpSide], ratio: string): Promise<void> {
  const rates: number[][] = sides.map(() => []);
  const cpus: number[][] = sides.map(() => []);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [b, side] of sides.entries()) {
      const { rate, cpuPer1000 } = await httpIntake(
        side.server,
        SECONDS,
        WARM_UP_SECONDS,
        3900 + b,
      );
      const cpu = cpuPer1000 === null ? '' : `  ${cpuPer1000.toFixed(3)} server CPU s/1000 req`;
      console.log(
        `${`HTTP intake, ${side.name}, round ${round}`.padEnd(58)} ${rate.toFixed(0).padStart(9)} req/s${cpu}`,
      );
      rates[b].push(rate);
      if (cpuPer1000 !== null) cpus[b].push(cpuPer1000);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const [first, second] = rates.map(mean);
  console.log(`${ratio.padEnd(58)} ${(second / first).toFixed(2)}x`);
  if (cpus.every((c) => c.length > 0)) {
    const [cpuFirst, cpuSecond] = cpus.map(mean);
    console.log(
      `${`${ratio}, per server CPU second`.padEnd(58)} ${(cpuFirst / cpuSecond).toFixed(2)}x`,
    );
  }
}

/** This source, as `npm start` runs it, with and without sealing: bench-api.ts. */
const BENCH_API = ['-r', '@swc-node/register', 'bench/personal-data/bench-api.ts'];
const UNSEALED_AND_SEALED: readonly [HttpSide, HttpSide] = [
  { name: 'unsealed', server: { args: [...BENCH_API, '--unsealed'] } },
  { name: 'sealed', server: { args: BENCH_API } },
];

/** Intake rounds, then rebuild rounds, plain and sealed alternating, on one backend. */
async function compare(backend: Backend): Promise<void> {
  const places = await Promise.all(VARIANTS.map(() => backend.place()));
  const intakes: Measured[][] = VARIANTS.map(() => []);
  const rebuilds: Measured[][][] = REBUILT.map(() => VARIANTS.map(() => []));
  const listings: Measured[][] = VARIANTS.map(() => []);
  const label = (what: string, v: number, round: number) =>
    `${what}, ${backend.name}, ${VARIANTS[v].name}, round ${round}`;
  try {
    const stores = await Promise.all(
      VARIANTS.map(async (variant, v) => (await variant.open(places[v].config)).store),
    );
    // A round of each not counted: JIT, and the sealing side makes its 5,000 keys here.
    for (const [v, store] of stores.entries()) await intake(label('intake', v, 0), store);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [v, store] of stores.entries()) {
        const figures = await intake(label('intake', v, round), store);
        printFigures(figures);
        intakes[v].push(figures);
      }
    }
    for (const store of stores) await store.close();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [p, projection] of REBUILT.entries()) {
        for (const [v, variant] of VARIANTS.entries()) {
          const what = `rebuild ${projection.name}`;
          const listed = (pages: Measured) => {
            printFigures(pages);
            listings[v].push(pages);
          };
          const figures = await rebuild(
            projection,
            variant,
            places[v].config,
            label(what, v, round),
            projection === customerFeedbackProjection ? listed : undefined,
          );
          printFigures(figures);
          rebuilds[p][v].push(figures);
        }
      }
    }
    const [plainIntake, sealedIntake] = intakes.map(total);
    printFigures(plainIntake);
    printFigures(sealedIntake);
    const rebuilt = rebuilds.map((perVariant) => perVariant.map(total));
    for (const [plain, sealed] of rebuilt) {
      printFigures(plain);
      printFigures(sealed);
    }
    printRatio(`intake, ${backend.name}: sealed / plain`, sealedIntake, plainIntake);
    for (const [p, [plain, sealed]] of rebuilt.entries())
      printRatio(`rebuild ${REBUILT[p].name}, ${backend.name}: sealed / plain`, sealed, plain);
    const [plainLists, sealedLists] = listings.map(total);
    printRatio(`list customer feedback, ${backend.name}: sealed / plain`, sealedLists, plainLists);
    printCpuRatio(`intake, ${backend.name}: sealed / plain`, sealedIntake, plainIntake);
    for (const [p, [plain, sealed]] of rebuilt.entries())
      printCpuRatio(`rebuild ${REBUILT[p].name}, ${backend.name}: sealed / plain`, sealed, plain);
  } finally {
    for (const place of places) await place.drop();
  }
}

async function main(): Promise<void> {
  if (BASE_DIR !== null)
    await httpRounds(
      [
        { name: 'before sealing', server: { root: BASE_DIR } },
        { name: 'sealed (this build)', server: { root: '.' } },
      ],
      'HTTP intake: sealed / before',
    );
  const backends = [SQLITE, POSTGRES].filter((b) => STORES.includes(b.key));
  for (const backend of backends) await compare(backend);
  if (STORES.includes('http'))
    await httpRounds(UNSEALED_AND_SEALED, 'HTTP intake (bench:intake load): sealed / unsealed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
