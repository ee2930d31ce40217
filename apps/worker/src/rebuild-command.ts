import { Clock, EventStore } from '@heard/event-store';
import { atMostEvery, Projection, rebuildProjection } from '@heard/projections';
import { DataSource } from 'typeorm';
import { formatProgress, formatSummary } from './format-progress';
import { selectProjections } from './projections';

export interface RebuildDependencies {
  /** The projections the command knows, by name. */
  readonly projections: readonly Projection[];
  readonly clock: Clock;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Opened only once the arguments are valid; closed by the caller. */
  readonly open: () => Promise<{
    store: EventStore;
    dataSource: DataSource;
    /** The same log unopened, for counting it. */
    storedEvents?: EventStore;
  }>;
  readonly progressEveryMs?: number;
}

/** Usage and unknown names answer 2, like other command-line tools; a failure throws. */
export async function runRebuild(
  args: readonly string[],
  deps: RebuildDependencies,
): Promise<number> {
  const valid = [...deps.projections.map((p) => p.name), 'all'].join(', ');
  if (args.length !== 1) {
    deps.err(`usage: projections:rebuild <name|all>   (names: ${valid})`);
    return 2;
  }
  const selected = selectProjections(deps.projections, args[0]);
  if (selected === null) {
    deps.err(`unknown projection "${args[0]}"; valid names: ${valid}`);
    return 2;
  }
  const { store, dataSource, storedEvents } = await deps.open();
  for (const projection of selected) {
    deps.out(`${projection.name}: dropping its tables and checkpoint, replaying from the start`);
    const report = atMostEvery(deps.progressEveryMs ?? 1000, deps.clock, (line: string) =>
      deps.out(line),
    );
    const summary = await rebuildProjection(projection, store, dataSource, {
      clock: deps.clock,
      countIn: storedEvents,
      onProgress: (progress) => report(formatProgress(progress)),
    });
    deps.out(formatSummary(summary));
  }
  return 0;
}
