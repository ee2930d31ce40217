import { caseProjections, caseReactors } from '@heard/cases/subscriptions';
import { HeardConfig } from '@heard/config';
import { directoryProjections } from '@heard/directory/read-models';
import { Clock, EventStore } from '@heard/event-store';
import { recordContactFromFeedbackReactor } from '@heard/feedback';
import { innerLoopReactors, loopRateProjection } from '@heard/loop';
import { feedbackProjections } from '@heard/feedback/read-models';
import { Projection, Reactor, streamCatalogProjection } from '@heard/projections';
import {
  improvementReactors,
  improvementViewProjection,
  NoticeDeliveryTick,
  noticePollers,
  noticeProjections,
} from '@heard/loop/subscriptions';
import { slaPollers, slaProjections, slaReactors, SlaTimerTick } from '@heard/sla/subscriptions';
import { DataSource } from 'typeorm';
import { Poller } from './start-subscriptions';

export interface ReactorDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly config: Pick<
    HeardConfig,
    | 'caseMergeWindowHours'
    | 'caseTargetHours'
    | 'dataDir'
    | 'optOutSecret'
    | 'smtpUrl'
    | 'noticeFrom'
    | 'publicBaseUrl'
    | 'noticeWebhookUrl'
    | 'noticeWebhookSecret'
    | 'noticeMaxAttempts'
    | 'noticeDigestHours'
  >;
}

/** Every read model Heard keeps, by name: the worker runs them, the rebuild command replays them. */
export const projections: readonly Projection[] = [
  streamCatalogProjection,
  ...directoryProjections,
  ...feedbackProjections,
  ...caseProjections,
  ...slaProjections,
  loopRateProjection,
  improvementViewProjection,
  ...noticeProjections,
];

/** Every process manager Heard runs; each turns events into commands with ids derived from the event. */
export const reactors = (deps: ReactorDependencies): readonly Reactor[] => [
  ...caseReactors({
    ...deps,
    cases: {
      mergeWindowMs: deps.config.caseMergeWindowHours * 3_600_000,
      targetHours: deps.config.caseTargetHours,
    },
  }),
  recordContactFromFeedbackReactor(deps),
  ...slaReactors({ store: deps.store, caseTargetHours: deps.config.caseTargetHours }),
  ...innerLoopReactors(deps),
  ...improvementReactors({ store: deps.store }),
];

export interface PollerDependencies extends ReactorDependencies {
  readonly log?: (line: string) => void;
  /** Each SLA timer tick's counts and times, for SlaTimerMetrics in the process's registry. */
  readonly onSlaTimerTick?: (tick: SlaTimerTick) => void;
  /** Each notice delivery pass's counts and times, for NoticeDeliveryMetrics likewise. */
  readonly onNoticeDeliveryTick?: (tick: NoticeDeliveryTick) => void;
}

/** Time-driven work: SLA timers, notice delivery. Each runs in the worker and in the embedded subscriptions thread. */
export const pollers = (deps: PollerDependencies): readonly Poller[] => [
  ...slaPollers({ ...deps, caseTargetHours: deps.config.caseTargetHours }),
  ...noticePollers(deps),
];
