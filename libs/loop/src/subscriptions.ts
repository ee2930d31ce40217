// Kept apart from index.ts so that domain consumers do not load TypeORM or nodemailer.
import { Projection } from '@heard/projections';
import { noticeDeliveriesProjection } from './notices/read-models/notice-deliveries.projection';

export * from './improvements/application/change-improvement';
export * from './improvements/application/improvement-scope';
export * from './improvements/application/link/feedback-criteria';
export * from './improvements/application/link/link-request';
export * from './improvements/application/link/linkable-feedback';
export * from './improvements/application/link/match-feedback';
export * from './improvements/application/load-improvement';
export * from './improvements/application/link-on-resolve/link-resolved-case.reactor';
export * from './improvements/application/loop-reactors';
export * from './improvements/application/outer-loop/you-changed-this.reactor';
export * from './improvements/application/propose-improvement';
export * from './improvements/read-models/improvement-cursor';
export * from './improvements/read-models/improvement-view.entity';
export * from './improvements/read-models/improvement-view.projection';
export * from './improvements/read-models/list-improvements';

export * from './notices/read-models/notice-delivery.entity';
export * from './notices/read-models/notice-deliveries.projection';
export * from './notices/delivery/notice-channel.port';
export * from './notices/delivery/notice-deliverer';
export * from './notices/delivery/notice-delivery-poller';
export * from './notices/delivery/notice-delivery-tick';
export * from './notices/delivery/notice-delivery-metrics';
export * from './notices/delivery/notice-pollers';
export * from './notices/delivery/due-notices';
export * from './notices/delivery/notice-stream';
export * from './notices/delivery/gather-content';
export * from './notices/templates/render-notice';
export * from './notices/infrastructure/notice-channels';
export * from './notices/infrastructure/smtp-email-channel';
export * from './notices/infrastructure/threaded-smtp-email-channel';
export * from './notices/infrastructure/outbox-email-channel';
export * from './notices/infrastructure/webhook-channel';
export * from './notices/infrastructure/email-message';

/** The loop context's delivery read model: every notice's state and what is due. */
export const noticeProjections: readonly Projection[] = [noticeDeliveriesProjection];
export * from './notices/queries/list-notices';
export * from './notices/queries/render-feed-item';
export * from './notices/queries/mark-notice-read';
