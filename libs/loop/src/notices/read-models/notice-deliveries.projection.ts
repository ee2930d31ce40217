import { RecordedEvent } from '@heard/event-store';
import { defineProjection } from '@heard/projections';
import { EntityManager } from 'typeorm';
import { NoticeEvent } from '../notice.events';
import { NoticeDelivery } from './notice-delivery.entity';

export const NOTICE_DELIVERIES = 'notice-deliveries';

export const NOTICE_EVENT_TYPES: readonly NoticeEvent['type'][] = [
  'NoticeScheduled',
  'NoticeDeferred',
  'NoticeSending',
  'NoticeSent',
  'NoticeFailed',
  'NoticeSuppressed',
  'NoticeRead',
];

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/** The columns one event sets; claims end with the outcome of the attempt they were taken for. */
function changesOf(event: NoticeEvent): Changes {
  switch (event.type) {
    case 'NoticeScheduled':
      return {};
    case 'NoticeDeferred':
      return {
        status: 'deferred',
        dueAt: date(event.data.until),
        deferredFor: event.data.reason,
        claimedUntil: null,
        ...(event.data.reason === 'digest' ? { digestHeldUntil: date(event.data.until) } : {}),
      };
    case 'NoticeSending':
      // Due at once: only a crash leaves it here; the claim keeps it from a second sender meanwhile.
      return {
        status: 'sending',
        dueAt: date(event.data.at),
        attempts: event.data.attempt,
        channel: event.data.channel,
        messageId: event.data.messageId,
        digestId: event.data.digestId,
      };
    case 'NoticeSent':
      return { status: 'sent', dueAt: null, sentAt: date(event.data.at), claimedUntil: null };
    case 'NoticeFailed':
      return {
        status: 'failed',
        dueAt: date(event.data.retryAt),
        lastError: event.data.error,
        failedPermanently: event.data.permanent,
        claimedUntil: null,
      };
    case 'NoticeSuppressed':
      return {
        status: 'suppressed',
        dueAt: null,
        suppressedFor: event.data.reason,
        claimedUntil: null,
      };
    case 'NoticeRead':
      return { readAt: date(event.data.at) };
  }
}

async function applyNoticeEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const notice = { type: event.type, data: event.data } as NoticeEvent;
  if (notice.type === 'NoticeScheduled') {
    const d = notice.data;
    await manager
      .createQueryBuilder()
      .insert()
      .into(NoticeDelivery)
      .values({
        noticeId: d.noticeId,
        customerId: d.recipient.customerId ?? null,
        staffId: d.recipient.staffId ?? null,
        kind: d.kind,
        refs: { ...d.refs },
        status: 'scheduled',
        dueAt: new Date(d.notBefore),
        claimedUntil: null,
        channel: d.channel,
        attempts: 0,
        lastError: null,
        failedPermanently: false,
        suppressedFor: null,
        deferredFor: null,
        digestHeldUntil: null,
        messageId: null,
        digestId: null,
        scheduledAt: new Date(d.at),
        sentAt: null,
        readAt: null,
        updatedAt: event.recordedAt,
        version: event.streamVersion,
      })
      .orIgnore()
      .execute();
    return;
  }
  await updateRow(manager, notice.data.noticeId, event.streamVersion, {
    ...changesOf(notice),
    updatedAt: event.recordedAt,
    version: event.streamVersion,
  });
}

type Changes = Partial<Omit<NoticeDelivery, 'refs'>>;

/** A column value as each driver takes it: the ISO text IsoTimestampColumn stores, 1/0 on SQLite. */
function sqlValue(value: unknown, postgres: boolean): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean' && !postgres) return value ? 1 : 0;
  return value ?? null;
}

/**
 * Targeted columns only, so the poller's claim on the same row stays unless this event ends it;
 * an event at or below the row's version is a replay and changes nothing. Plain SQL: two of these
 * per notice sent, and the query builder cost more than the statement.
 */
async function updateRow(
  manager: EntityManager,
  noticeId: string,
  version: number,
  changes: Changes,
): Promise<void> {
  const metadata = manager.connection.getMetadata(NoticeDelivery);
  const postgres = manager.connection.options.type === 'postgres';
  const mark = (i: number) => (postgres ? `$${i}` : '?');
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
  const sets = entries.map(([property], i) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (column === undefined) throw new Error(`notice_deliveries has no column for ${property}`);
    return `"${column.databaseName}" = ${mark(i + 1)}`;
  });
  const n = entries.length;
  await manager.query(
    `UPDATE ${metadata.tablePath
      .split('.')
      .map((p) => `"${p}"`)
      .join(
        '.',
      )} SET ${sets.join(', ')} WHERE "notice_id" = ${mark(n + 1)} AND "version" < ${mark(n + 2)}`,
    [...entries.map(([, v]) => sqlValue(v, postgres)), noticeId, version],
  );
}

/** Every notice's state, and what delivery owes next and when. */
export const noticeDeliveriesProjection = defineProjection({
  name: NOTICE_DELIVERIES,
  entities: [NoticeDelivery],
  handles: NOTICE_EVENT_TYPES,
  apply: applyNoticeEvent,
});
