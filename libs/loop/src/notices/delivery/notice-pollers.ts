import { Clock, EventStore } from '@heard/event-store';
import { DataSource } from 'typeorm';
import { noticeChannelsOf, NoticeChannelSettings } from '../infrastructure/notice-channels';
import { openDigestWindow } from './due-notices';
import { NoticeDeliverer } from './notice-deliverer';
import { NoticeDeliveryPoller } from './notice-delivery-poller';
import { NoticeDeliveryTick } from './notice-delivery-tick';

export interface NoticePollerDependencies {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly config: NoticeChannelSettings & {
    readonly publicBaseUrl: string;
    readonly optOutSecret: string;
    readonly noticeMaxAttempts: number;
    readonly noticeDigestHours: number;
  };
  readonly log?: (line: string) => void;
  /** Each delivery pass's counts and times, for NoticeDeliveryMetrics in the process's registry. */
  readonly onNoticeDeliveryTick?: (tick: NoticeDeliveryTick) => void;
}

/** The delivery poller over notice_deliveries, with the channels the configuration names. */
export function noticePollers(deps: NoticePollerDependencies) {
  const channels = noticeChannelsOf(deps.config);
  const deliverer = new NoticeDeliverer({
    store: deps.store,
    channels,
    clock: deps.clock,
    settings: {
      publicBaseUrl: deps.config.publicBaseUrl,
      optOutSecret: deps.config.optOutSecret,
      maxAttempts: deps.config.noticeMaxAttempts,
      digestHours: deps.config.noticeDigestHours,
    },
    openDigestWindow: (customerId, now) => openDigestWindow(deps.dataSource, customerId, now),
  });
  const poller = new NoticeDeliveryPoller({
    dataSource: deps.dataSource,
    clock: deps.clock,
    deliverer,
    log: deps.log,
    onTick: deps.onNoticeDeliveryTick,
  });
  return [
    {
      name: poller.name,
      start: () => poller.start(),
      stop: async () => {
        await poller.stop();
        await channels.close();
      },
    },
  ];
}
