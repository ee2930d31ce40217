import { RecordedEvent } from '@heard/event-store';
import { FeedbackLinkedToCase, FeedbackReceived, FeedbackTriaged } from '@heard/feedback';
import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { FeedbackLinked, ImprovementShipped } from '../improvements/improvement.events';
import { NoticeScheduled, NoticeSent } from '../notices/notice.events';
import { LoopRateFeedback } from './loop-rate-feedback.entity';
import { LoopRateImprovement } from './loop-rate-improvement.entity';
import { LoopRateLink } from './loop-rate-link.entity';
import { LoopRateNotice } from './loop-rate-notice.entity';

/** The notices that close a loop: the resolution of a case, and "you changed this". */
export const LOOP_CLOSING_KINDS: ReadonlySet<string> = new Set([
  'case_resolved',
  'you_changed_this',
]);

/** Rows per statement: well inside SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

/** Stored rows by key, loaded once for the batch; `dirty` are those to write back. */
class Rows<T extends ObjectLiteral> {
  readonly byKey = new Map<string, T>();
  readonly dirty = new Set<string>();

  constructor(
    private readonly entity: EntityTarget<T>,
    private readonly key: keyof T & string,
  ) {}

  async load(manager: EntityManager, keys: ReadonlySet<string>): Promise<void> {
    for (const part of chunks([...keys])) {
      const where = { [this.key]: In(part) } as FindOptionsWhere<T>;
      for (const row of await manager.findBy<T>(this.entity, where))
        this.byKey.set(row[this.key], row);
    }
  }

  /** Insert-if-absent: a replayed first event meets its row and leaves it as it is. */
  add(key: string, row: T): void {
    if (this.byKey.has(key)) return;
    this.byKey.set(key, row);
    this.dirty.add(key);
  }

  change(key: string, change: (row: T) => Partial<T> | null): void {
    const row = this.byKey.get(key);
    const changed = row === undefined ? null : change(row);
    if (row === undefined || changed === null) return;
    this.byKey.set(key, { ...row, ...changed });
    this.dirty.add(key);
  }

  async save(manager: EntityManager): Promise<void> {
    const rows = [...this.dirty].map((key) => this.byKey.get(key) as T);
    for (const part of chunks(rows)) await manager.upsert(this.entity, part, [this.key]);
  }
}

const insertIgnoring = async <T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
) => {
  for (const part of chunks(rows))
    await manager.createQueryBuilder().insert().into(entity).values(part).orIgnore().execute();
};

function touched(events: readonly RecordedEvent[]) {
  const feedbackIds = new Set<string>();
  const noticeIds = new Set<string>();
  for (const event of events) {
    if (event.type.startsWith('Feedback') && event.type !== 'FeedbackLinked')
      feedbackIds.add((event.data as { feedbackId: string }).feedbackId);
    if (event.type === 'NoticeScheduled' || event.type === 'NoticeSent')
      noticeIds.add((event.data as { noticeId: string }).noticeId);
  }
  return { feedbackIds, noticeIds };
}

/**
 * The events of one batch folded over the rows they touch, read once and written once: a few
 * statements per batch instead of one or two per event. Idempotent as the runner needs: a first
 * event meets its row and changes nothing, a second send keeps the first send's time.
 */
export async function applyLoopRateBatch(
  events: readonly RecordedEvent[],
  manager: EntityManager,
): Promise<void> {
  const feedback = new Rows(LoopRateFeedback, 'feedbackId');
  const notices = new Rows(LoopRateNotice, 'noticeId');
  const links: LoopRateLink[] = [];
  const shipped: LoopRateImprovement[] = [];
  const { feedbackIds, noticeIds } = touched(events);
  await feedback.load(manager, feedbackIds);
  await notices.load(manager, noticeIds);
  for (const event of events) {
    switch (event.type) {
      case 'FeedbackReceived': {
        const d = event.data as FeedbackReceived['data'];
        feedback.add(d.feedbackId, {
          feedbackId: d.feedbackId,
          storeId: d.storeId,
          channel: d.channel,
          customerId: d.customer.id ?? null,
          receivedAt: new Date(d.receivedAt),
          negative: 0,
          caseId: null,
        });
        break;
      }
      case 'FeedbackTriaged': {
        const d = event.data as FeedbackTriaged['data'];
        feedback.change(d.feedbackId, () => ({ negative: d.needsCase ? 1 : 0 }));
        break;
      }
      case 'FeedbackLinkedToCase': {
        const d = event.data as FeedbackLinkedToCase['data'];
        feedback.change(d.feedbackId, () => ({ caseId: d.caseId }));
        break;
      }
      case 'FeedbackLinked': {
        const d = event.data as FeedbackLinked['data'];
        for (const feedbackId of d.feedbackIds)
          links.push({ improvementId: d.improvementId, feedbackId });
        break;
      }
      case 'ImprovementShipped': {
        // Shipped once: a replay finds the row and leaves its time as it is.
        const d = event.data as ImprovementShipped['data'];
        shipped.push({ improvementId: d.improvementId, shippedAt: new Date(d.at) });
        break;
      }
      case 'NoticeScheduled': {
        const d = event.data as NoticeScheduled['data'];
        if (!LOOP_CLOSING_KINDS.has(d.kind)) break;
        notices.add(d.noticeId, {
          noticeId: d.noticeId,
          kind: d.kind,
          caseId: d.refs.caseId ?? null,
          customerId: d.recipient.customerId ?? null,
          improvementId: d.refs.improvementId ?? null,
          sentAt: null,
        });
        break;
      }
      case 'NoticeSent': {
        // The first send counts; a resend after a crash carries the same notice.
        const d = event.data as NoticeSent['data'];
        notices.change(d.noticeId, (row) =>
          row.sentAt === null ? { sentAt: new Date(d.at) } : null,
        );
        break;
      }
      default:
        break;
    }
  }
  await feedback.save(manager);
  await notices.save(manager);
  await insertIgnoring(manager, LoopRateLink, links);
  await insertIgnoring(manager, LoopRateImprovement, shipped);
}
