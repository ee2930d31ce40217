/**
 * `npm run bench:personal-data`: what sealing personal data costs, side by side in one run on the
 * embedded default (SQLite files): intake through the feedback command path (receiveFeedback, 64
 * in flight, 5,000 customers as bench:intake uses), and a rebuild of the customer-feedback
 * projection, each with the plain store and with the sealing one (createHeardEventStore).
 * The rounds alternate so that drift of a shared machine falls on both. Without HTTP, which costs
 * both the same, the intake ratio bounds the one bench:intake would show.
 * With BENCH_BASE_DIR (a built checkout of the commit before sealing, see README "Personal data")
 * it also measures POST /v1/feedback over HTTP as bench:intake does, that build against this one
 * (`npm run build` first), BENCH_SECONDS (default 10) after BENCH_WARM_UP_SECONDS (default 3).
 * BENCH_FEEDBACK (default 20000) items per round, BENCH_ROUNDS (default 3).
 */
import { loadConfig } from '@heard/config';
import { EventStore, systemClock } from '@heard/event-store';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { FeedbackSubmission, receiveFeedback } from '@heard/feedback';
import { customerFeedbackProjection } from '@heard/feedback/read-models';
import { ProjectionCheckpointEntity, rebuildProjection } from '@heard/projections';
import { createHeardEventStore, createReadModelDataSource, EVENTS_FILE } from '@heard/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Figures, printFigures, printRatio, timed } from '../report';
import { httpIntake } from './http-intake';

const ITEMS = Number(process.env.BENCH_FEEDBACK ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 64;
const BASE_DIR = process.env.BENCH_BASE_DIR ?? null;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const integration = { id: 'bench', role: 'integration' } as const;

function submission(i: number): FeedbackSubmission {
  return {
    kind: i % 3 === 0 ? 'complaint' : 'review',
    channel: 'app',
    storeId: `S-${i % 50}`,
    customer: { id: `C-${i % 5000}`, email: `c${i % 5000}@example.com`, consent: true },
    rating: i % 3 === 0 ? undefined : 4 + (i % 2),
    text: i % 3 === 0 ? 'Очередь на кассе 20 минут' : 'Дякую, все добре',
    language: 'ru',
  };
}

interface OpenedStore {
  readonly store: EventStore;
  /** The adapter beneath: a rebuild counts the log there, as `worker rebuild` does. */
  readonly raw: EventStore;
}

interface Variant {
  readonly name: string;
  open(dataDir: string): Promise<OpenedStore>;
  /** secure_delete is part of the change: the plain side runs without it, as before. */
  readonly secureDelete: boolean;
}

const VARIANTS: readonly Variant[] = [
  {
    name: 'plain',
    open: async (dataDir) => {
      const store = new SqliteEventStore(join(dataDir, EVENTS_FILE), systemClock);
      return { store, raw: store };
    },
    secureDelete: false,
  },
  {
    name: 'sealed',
    open: async (dataDir) => createHeardEventStore(loadConfig({ DATA_DIR: dataDir }), systemClock),
    secureDelete: true,
  },
];

/** The store stays open across rounds, as a running API's does: its sealing keys stay cached. */
function intake(variant: Variant, store: EventStore, round: number): Promise<Figures> {
  return timed(
    `intake, ${variant.name}, round ${round}`,
    ITEMS,
    CONCURRENCY,
    (i) => receiveFeedback({ store, clock: systemClock }, submission(i), integration),
    'feedback',
  );
}

async function rebuild(variant: Variant, dataDir: string, round: number): Promise<Figures> {
  const { store, raw } = await variant.open(dataDir);
  const config = loadConfig({ DATA_DIR: dataDir });
  const entities = [...customerFeedbackProjection.entities, ProjectionCheckpointEntity];
  const dataSource = await createReadModelDataSource(config, entities);
  if (!variant.secureDelete) await dataSource.query('PRAGMA secure_delete = OFF');
  try {
    const summary = await rebuildProjection(customerFeedbackProjection, store, dataSource, {
      countIn: raw,
    });
    return {
      label: `rebuild customer-feedback, ${variant.name}, round ${round}`,
      count: summary.done,
      seconds: summary.elapsedMs / 1000,
    };
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}

const total = (figures: readonly Figures[]): Figures => ({
  label: figures[0].label.replace(/, round \d+$/, ', all rounds'),
  count: figures.reduce((n, f) => n + f.count, 0),
  seconds: figures.reduce((s, f) => s + f.seconds, 0),
  unit: figures[0].unit,
});

/** Over HTTP, the build before sealing against this one, alternating. */
async function httpRounds(baseDir: string): Promise<void> {
  const builds = [
    { name: 'before sealing', root: baseDir },
    { name: 'sealed (this build)', root: '.' },
  ];
  const rates: number[][] = builds.map(() => []);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [b, build] of builds.entries()) {
      const rate = await httpIntake(build.root, SECONDS, WARM_UP_SECONDS, 3900 + b);
      console.log(
        `${`HTTP intake, ${build.name}, round ${round}`.padEnd(58)} ${rate.toFixed(0).padStart(9)} req/s`,
      );
      rates[b].push(rate);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const [before, after] = rates.map(mean);
  console.log(`${'HTTP intake: sealed / before'.padEnd(58)} ${(after / before).toFixed(2)}x`);
}

async function main(): Promise<void> {
  if (BASE_DIR !== null) await httpRounds(BASE_DIR);
  const dirs = VARIANTS.map(() => mkdtempSync(join(tmpdir(), 'heard-bench-personal-')));
  const intakes: Figures[][] = VARIANTS.map(() => []);
  const rebuilds: Figures[][] = VARIANTS.map(() => []);
  const stores = await Promise.all(
    VARIANTS.map(async (variant, v) => (await variant.open(dirs[v])).store),
  );
  try {
    // A round of each not counted: JIT, and the sealing side makes its 5,000 keys here.
    for (const [v, variant] of VARIANTS.entries()) await intake(variant, stores[v], 0);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [v, variant] of VARIANTS.entries()) {
        const figures = await intake(variant, stores[v], round);
        printFigures(figures);
        intakes[v].push(figures);
      }
    }
    for (const store of stores) await store.close();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [v, variant] of VARIANTS.entries()) {
        const figures = await rebuild(variant, dirs[v], round);
        printFigures(figures);
        rebuilds[v].push(figures);
      }
    }
    const [plainIntake, sealedIntake] = intakes.map(total);
    const [plainRebuild, sealedRebuild] = rebuilds.map(total);
    for (const f of [plainIntake, sealedIntake, plainRebuild, sealedRebuild]) printFigures(f);
    printRatio('intake: sealed / plain', sealedIntake, plainIntake);
    printRatio('rebuild: sealed / plain', sealedRebuild, plainRebuild);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
