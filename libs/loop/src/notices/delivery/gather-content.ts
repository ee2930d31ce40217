import { caseStreamId } from '@heard/cases';
import { EventStore } from '@heard/event-store';
import { feedbackStreamId } from '@heard/feedback';
import {
  improvementStreamId,
  ImprovementEvent,
  NoticeLocale,
} from '../../improvements/improvement.events';
import { NoticeKind, NoticeRefs } from '../notice.events';
import { ImprovementChange, NoticeContent } from '../templates/notice-content';
import { excerpt } from './excerpt';

/** What one improvement says to the public, folded from its stream. */
export interface ImprovementFacts {
  readonly title: string;
  readonly messages: Readonly<Partial<Record<NoticeLocale, string>>>;
  readonly cancelled: boolean;
}

export async function improvementFacts(
  store: EventStore,
  improvementId: string,
): Promise<ImprovementFacts | null> {
  const history = await store.readStream(improvementStreamId(improvementId));
  if (history.length === 0) return null;
  let facts: ImprovementFacts = { title: '', messages: {}, cancelled: false };
  for (const recorded of history) {
    const event = { type: recorded.type, data: recorded.data } as ImprovementEvent;
    if (event.type === 'ImprovementProposed') facts = { ...facts, title: event.data.title };
    if (event.type === 'ImprovementShipped') facts = { ...facts, messages: event.data.messages };
    if (event.type === 'ImprovementCancelled') facts = { ...facts, cancelled: true };
  }
  return facts;
}

export interface Said {
  readonly quote: string | null;
  readonly saidAt: string | null;
}

interface ReceivedData {
  readonly occurredAt?: string;
  readonly personal?: { readonly text?: string; readonly redacted?: boolean };
}

/** The customer's own words, opened by the sealing store at this moment: erased, there are none. */
export async function saidIn(store: EventStore, feedbackId: string): Promise<Said> {
  // The whole stream (a few events): whole-stream reads made at once share one read transaction.
  const history = await store.readStream(feedbackStreamId(feedbackId));
  const received = history.find((e) => e.type === 'FeedbackReceived');
  if (received === undefined) return { quote: null, saidAt: null };
  const data = received.data as ReceivedData;
  const text = data.personal?.redacted ? undefined : data.personal?.text;
  return {
    quote: text === undefined || text.trim() === '' ? null : excerpt(text),
    saidAt: data.occurredAt ?? null,
  };
}

/** How content reads a feedback item's words: the deliverer starts the read beside others. */
export type SaidLookup = (feedbackId: string) => Promise<Said>;

/** The first of the linked items that has words to quote. */
async function firstSaid(
  store: EventStore,
  feedbackIds: readonly string[],
  read: SaidLookup = (id) => saidIn(store, id),
): Promise<Said> {
  for (const id of feedbackIds.slice(0, 5)) {
    const said = await read(id);
    if (said.quote !== null) return said;
  }
  return { quote: null, saidAt: null };
}

export interface ContentSettings {
  readonly publicBaseUrl: string;
}

/** How content reads an improvement: the deliverer shares one read among a tick's notices. */
export type ImprovementLookup = (improvementId: string) => Promise<ImprovementFacts | null>;

/** Reads content may take from the caller instead of the store; each defaults to a plain read. */
export interface ContentLookups {
  readonly improvement?: ImprovementLookup;
  readonly said?: SaidLookup;
}

export class MissingRefError extends Error {
  constructor(what: string) {
    super(`the notice refers to ${what}, which is not there`);
    this.name = 'MissingRefError';
  }
}

async function caseMessage(store: EventStore, refs: NoticeRefs): Promise<string> {
  const caseId = refs.caseId ?? '';
  const history = await store.readStream(caseStreamId(caseId));
  const event = history.find((e) => e.eventId === refs.caseEventId);
  if (event === undefined) throw new MissingRefError(`case event ${refs.caseEventId ?? '?'}`);
  const data = event.data as { text?: string; customerMessage?: string };
  return (event.type === 'CaseResolved' ? data.customerMessage : data.text) ?? '';
}

export async function improvementChange(
  store: EventStore,
  refs: NoticeRefs,
  locale: NoticeLocale,
  lookups: ContentLookups = {},
): Promise<ImprovementChange> {
  const improvementId = refs.improvementId ?? '';
  const improvement = lookups.improvement ?? ((id) => improvementFacts(store, id));
  const [facts, said] = await Promise.all([
    improvement(improvementId),
    firstSaid(store, refs.feedbackIds ?? [], lookups.said),
  ]);
  if (facts === null) throw new MissingRefError(`improvement ${improvementId}`);
  return {
    improvementId,
    title: facts.title,
    message: facts.messages[locale] ?? facts.messages.en ?? '',
    ...said,
  };
}

/**
 * What a notice says, read from the streams its refs name at this moment: the quote through the
 * sealing store (so an erased customer's words are gone), the improvement's public message in
 * the locale. Several refs make one digest of changes.
 */
export async function gatherContent(
  store: EventStore,
  kind: NoticeKind,
  refs: readonly NoticeRefs[],
  locale: NoticeLocale,
  settings: ContentSettings,
  lookups: ContentLookups = {},
): Promise<NoticeContent> {
  const first = refs[0] ?? {};
  const caseId = first.caseId ?? '';
  const caseUrl = `${settings.publicBaseUrl}/v1/cases/${encodeURIComponent(caseId)}`;
  switch (kind) {
    case 'case_acknowledged':
      return { kind, caseId, caseUrl };
    case 'case_reply':
    case 'case_resolved':
      return { kind, caseId, caseUrl, message: await caseMessage(store, first) };
    case 'thank_you':
      return { kind, ...(await firstSaid(store, first.feedbackIds ?? [], lookups.said)) };
    case 'you_changed_this':
      return {
        kind,
        changes: await Promise.all(refs.map((r) => improvementChange(store, r, locale, lookups))),
      };
    case 'staff_alert':
      return {
        kind,
        caseId,
        caseUrl,
        slaTarget: first.slaTarget ?? null,
        escalationLevel: first.escalationLevel ?? null,
      };
  }
}
