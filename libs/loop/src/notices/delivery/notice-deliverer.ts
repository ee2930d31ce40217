import { signOptOutToken } from '@heard/customers';
import { Clock, EventStore, systemClock, uuidV8FromName } from '@heard/event-store';
import { NoticeLocale } from '../../improvements/improvement.events';
import {
  CustomerContact,
  customerDeliveryVerdict,
  DeliveryVerdict,
  noticeLocaleOf,
  purposeOf,
} from '../domain/delivery-policy';
import { isFinal } from '../domain/notice.state';
import { NoticeChannel, NoticeKind, SuppressionReason } from '../notice.events';
import { renderNotice } from '../templates/render-notice';
import {
  gatherContent,
  ImprovementFacts,
  improvementFacts,
  Said,
  SaidLookup,
  saidIn,
} from './gather-content';
import { NoticeChannelPort, OutgoingNotice, SendResult } from './notice-channel.port';
import { NoticeDeliveryTally } from './notice-delivery-tick';
import { LoadedNotice, loadNotice, runNoticeCommand } from './notice-stream';
import { customerContact, staffContact } from './recipient-contact';

export interface DeliverySettings {
  readonly publicBaseUrl: string;
  readonly optOutSecret: string;
  readonly maxAttempts: number;
  /** 0: "you changed this" notices go out one by one, at once. */
  readonly digestHours: number;
}

export interface NoticeDelivererOptions {
  readonly store: EventStore;
  readonly channels: NoticeChannelPort;
  readonly settings: DeliverySettings;
  /** The end of a digest window already open for the customer, if any (from the read model). */
  readonly openDigestWindow: (customerId: string, now: Date) => Promise<Date | null>;
  /** When a send ended (NoticeSent's `at`). */
  readonly clock?: Clock;
  /** Jitter of retry delays. */
  readonly random?: () => number;
  /** Each message handed to a channel, with its outcome: the bench and the tests watch it. */
  readonly onSent?: (notice: OutgoingNotice, result: SendResult) => void;
}

/** One message to send: its members (one, or a digest's), where, in what language. */
interface Send {
  readonly members: readonly LoadedNotice[];
  readonly digestId: string | null;
  readonly channel: NoticeChannel;
  readonly address: string | null;
  readonly locale: NoticeLocale;
}

type SendVerdict = Extract<DeliveryVerdict, { kind: 'send' }>;

const HOUR_MS = 3_600_000;

/** A digest's id from its members: the same set of notices makes the same Message-ID. */
export const digestIdOf = (noticeIds: readonly string[]): string =>
  uuidV8FromName(`notice-digest|${[...noticeIds].sort().join('|')}`);

/**
 * Delivers due notices of one recipient: re-reads consent, preferences and erasure, suppresses
 * or defers or holds for a digest, records NoticeSending, sends, records NoticeSent or
 * NoticeFailed. Every step reads the notice's stream first, so a lagging read model, a second
 * poller or a crash never sends a notice that is already settled.
 */
export class NoticeDeliverer {
  /** Improvements read this tick: thousands of notices of one improvement read it once. */
  private improvements = new Map<string, Promise<ImprovementFacts | null>>();

  constructor(private readonly options: NoticeDelivererOptions) {}

  /** A new pass over due notices: what was read for the last one is read again. */
  startTick(): void {
    this.improvements = new Map();
  }

  private readonly improvement = (improvementId: string): Promise<ImprovementFacts | null> => {
    let facts = this.improvements.get(improvementId);
    if (facts === undefined) {
      facts = improvementFacts(this.options.store, improvementId);
      this.improvements.set(improvementId, facts);
      // A failed read is not kept: the next notice reads again.
      facts.catch(() => this.improvements.delete(improvementId));
    }
    return facts;
  };

  /**
   * Notices of one recipient (the poller groups them), due at `now`. Outcomes are counted in
   * `tally`; with a tally given, recording a send's outcome may still be under way when this
   * resolves (the caller awaits `tally.settled()`), so its lane can take the next recipient.
   */
  async deliver(
    noticeIds: readonly string[],
    now: Date,
    tally?: NoticeDeliveryTally,
  ): Promise<void> {
    if (tally === undefined) {
      const failures: unknown[] = [];
      const own = new NoticeDeliveryTally((error) => failures.push(error));
      await this.deliverCounted(noticeIds, now, own);
      await own.settled();
      if (failures.length > 0) throw failures[0];
      return;
    }
    return this.deliverCounted(noticeIds, now, tally);
  }

  private async deliverCounted(
    noticeIds: readonly string[],
    now: Date,
    tally: NoticeDeliveryTally,
  ): Promise<void> {
    const { store } = this.options;
    const loaded = (await Promise.all(noticeIds.map((id) => loadNotice(store, id)))).filter(
      (n) => n.state.status !== 'unscheduled' && !isFinal(n.state),
    );
    if (loaded.length === 0) return;
    const recipient = loaded[0].state.recipient;
    if (recipient.staffId !== undefined) {
      for (const notice of loaded) await this.deliverToStaff(notice, recipient.staffId, now, tally);
      return;
    }
    if (recipient.customerId !== undefined)
      await this.deliverToCustomer(loaded, recipient.customerId, now, tally);
  }

  private async deliverToStaff(
    notice: LoadedNotice,
    staffId: string,
    now: Date,
    tally: NoticeDeliveryTally,
  ): Promise<void> {
    const contact = await staffContact(this.options.store, staffId);
    if (contact.email === null) {
      await this.suppress(notice, 'no_address', now, tally);
      return;
    }
    const resumed = notice.state.current;
    await this.send(
      {
        members: [notice],
        digestId: resumed?.digestId ?? null,
        channel: 'email',
        address: contact.email,
        locale: noticeLocaleOf(contact.locale),
      },
      staffId,
      now,
      tally,
    );
  }

  private async deliverToCustomer(
    loaded: readonly LoadedNotice[],
    customerId: string,
    now: Date,
    tally: NoticeDeliveryTally,
  ): Promise<void> {
    const { store, settings } = this.options;
    // The words to quote are read beside consent and addresses, in the same read transaction and
    // key look-up, instead of one more of each just before the send.
    const words = new Map<string, Promise<Said>>();
    const reading = customerContact(store, customerId);
    for (const notice of loaded) {
      const first = notice.state.refs.feedbackIds?.[0];
      const quotes = notice.state.kind === 'you_changed_this' || notice.state.kind === 'thank_you';
      if (!quotes || first === undefined || words.has(first)) continue;
      const read = saidIn(store, first);
      // A notice suppressed meanwhile never asks for its words; a failed read fails when asked.
      read.catch(() => undefined);
      words.set(first, read);
    }
    const said: SaidLookup = (id) => words.get(id) ?? saidIn(store, id);
    const contact = await reading;
    const isCancelled = async (notice: LoadedNotice): Promise<boolean> => {
      const id = notice.state.refs.improvementId;
      if (notice.state.kind !== 'you_changed_this' || id === undefined) return false;
      return (await this.improvement(id))?.cancelled ?? false;
    };

    const resumedDigests = new Map<string, LoadedNotice[]>();
    const digestable: { notice: LoadedNotice; verdict: SendVerdict }[] = [];
    for (const notice of loaded) {
      const kind = notice.state.kind as NoticeKind;
      const sending = notice.state.status === 'sending';
      // A notice caught mid-send is resent now, quiet hours or not: it may have arrived already.
      const verdict = customerDeliveryVerdict(
        kind,
        sending ? { ...contact, quietHours: null } : contact,
        await isCancelled(notice),
        now,
      );
      if (verdict.kind === 'suppress') {
        await this.suppress(notice, verdict.reason, now, tally);
        continue;
      }
      if (verdict.kind === 'defer') {
        const deferred = await runNoticeCommand(
          store,
          notice,
          {
            type: 'DeferNotice',
            until: verdict.until.toISOString(),
            reason: 'quiet_hours',
            at: now.toISOString(),
          },
          now,
        );
        if (deferred !== null) tally.defer('quiet_hours');
        continue;
      }
      const current = notice.state.current;
      if (sending && current !== null && current.digestId !== null) {
        resumedDigests.set(current.digestId, [
          ...(resumedDigests.get(current.digestId) ?? []),
          notice,
        ]);
        continue;
      }
      if (sending && current !== null) {
        await this.send(
          this.resumeOf([notice], current.channel, contact, verdict),
          customerId,
          now,
          tally,
          said,
        );
        continue;
      }
      if (kind === 'you_changed_this' && settings.digestHours > 0) {
        if (notice.state.digestHeldUntil === null) {
          await this.holdForDigest(notice, customerId, now, tally);
          continue;
        }
        digestable.push({ notice, verdict });
        continue;
      }
      await this.send(
        { members: [notice], digestId: null, ...verdict },
        customerId,
        now,
        tally,
        said,
      );
    }

    for (const [digestId, members] of resumedDigests) {
      const recorded = members[0].state.current?.digestNoticeIds ?? [];
      const others = await Promise.all(
        recorded
          .filter((id) => !members.some((m) => m.noticeId === id))
          .map((id) => loadNotice(store, id)),
      );
      // Members the crash left unmarked join their digest; those settled since stay as they are.
      const all = [...members, ...others.filter((o) => !isFinal(o.state))];
      const first = members[0].state.current;
      const verdict = customerDeliveryVerdict(
        'you_changed_this',
        { ...contact, quietHours: null },
        false,
        now,
      );
      if (first === null || verdict.kind !== 'send') continue;
      await this.send(
        { ...this.resumeOf(all, first.channel, contact, verdict), digestId },
        customerId,
        now,
        tally,
        said,
      );
    }

    if (digestable.length === 1) {
      const [{ notice, verdict }] = digestable;
      await this.send(
        { members: [notice], digestId: null, ...verdict },
        customerId,
        now,
        tally,
        said,
      );
    } else if (digestable.length > 1) {
      const members = digestable.map((d) => d.notice);
      const digestId = digestIdOf(members.map((m) => m.noticeId));
      await this.send(
        { members, digestId, ...digestable[0].verdict },
        customerId,
        now,
        tally,
        said,
      );
    }
  }

  /** A resend goes where the first send went, to the address as it now stands. */
  private resumeOf(
    members: readonly LoadedNotice[],
    channel: NoticeChannel,
    contact: CustomerContact,
    verdict: SendVerdict,
  ): Send {
    const listed = contact.channels?.find((c) => c.channel === channel);
    return {
      members,
      digestId: null,
      channel,
      address: listed?.address ?? (channel === verdict.channel ? verdict.address : null),
      locale: verdict.locale,
    };
  }

  /** Holds the first notice of a window for NOTICE_DIGEST_HOURS; later ones join its end. */
  private async holdForDigest(
    notice: LoadedNotice,
    customerId: string,
    now: Date,
    tally: NoticeDeliveryTally,
  ): Promise<void> {
    const open = await this.options.openDigestWindow(customerId, now);
    const until = open ?? new Date(now.getTime() + this.options.settings.digestHours * HOUR_MS);
    const held = await runNoticeCommand(
      this.options.store,
      notice,
      { type: 'DeferNotice', until: until.toISOString(), reason: 'digest', at: now.toISOString() },
      now,
    );
    if (held !== null) tally.defer('digest');
  }

  private async suppress(
    notice: LoadedNotice,
    reason: SuppressionReason,
    now: Date,
    tally: NoticeDeliveryTally,
  ): Promise<void> {
    const suppressed = await runNoticeCommand(
      this.options.store,
      notice,
      { type: 'SuppressNotice', reason, at: now.toISOString() },
      now,
    );
    if (suppressed !== null) tally.suppress(reason);
  }

  private unsubscribeUrl(customerId: string, kind: NoticeKind, issuedAt: string): string | null {
    const { optOutSecret, publicBaseUrl } = this.options.settings;
    try {
      const token = signOptOutToken(optOutSecret, {
        customerId,
        purpose: purposeOf(kind),
        issuedAt,
      });
      return `${publicBaseUrl}/v1/opt-out/${token}`;
    } catch {
      // A customer id too long for a link: the mail goes without one-click opt-out.
      return null;
    }
  }

  private async send(
    plan: Send,
    recipientId: string,
    now: Date,
    tally: NoticeDeliveryTally,
    said?: SaidLookup,
  ): Promise<void> {
    const { store, channels, settings } = this.options;
    if ((plan.channel === 'email' || plan.channel === 'sms') && plan.address === null) {
      for (const m of plan.members) await this.suppress(m, 'no_address', now, tally);
      return;
    }
    const messageId = plan.digestId ?? plan.members[0].noticeId;
    const at = now.toISOString();
    const memberIds = plan.members.map((m) => m.noticeId);
    const begun: LoadedNotice[] = [];
    for (const member of plan.members) {
      const next = await runNoticeCommand(
        store,
        member,
        {
          type: 'BeginSending',
          channel: plan.channel,
          messageId,
          digestId: plan.digestId,
          digestNoticeIds: plan.digestId === null ? [] : memberIds,
          at,
        },
        now,
      );
      // null: another sender took this notice between our read and our append.
      if (
        next !== null &&
        next.state.status === 'sending' &&
        next.state.current?.messageId === messageId
      )
        begun.push(next);
    }
    if (begun.length === 0) return;
    const first = begun[0].state;
    const kind = first.kind as NoticeKind;
    const content = await gatherContent(
      store,
      kind,
      plan.members.map((m) => m.state.refs),
      plan.locale,
      settings,
      { improvement: this.improvement, said },
    );
    const unsubscribeUrl =
      first.recipient.customerId === undefined
        ? null
        : this.unsubscribeUrl(first.recipient.customerId, kind, first.scheduledAt ?? at);
    const rendered = renderNotice(content, plan.locale, unsubscribeUrl);
    const outgoing: OutgoingNotice = {
      messageId,
      channel: plan.channel,
      kind,
      noticeIds: memberIds,
      recipientId,
      to: plan.address,
      locale: plan.locale,
      unsubscribeUrl,
      ...rendered,
    };
    const sendStarted = performance.now();
    const result = await channels.send(outgoing);
    tally.sends.push({
      channel: plan.channel,
      ok: result.ok,
      permanent: !result.ok && result.permanent,
      notices: begun.length,
      seconds: (performance.now() - sendStarted) / 1000,
    });
    this.options.onSent?.(outgoing, result);
    // One draw per message: a digest's notices come back together and go out together again.
    const jitter = (this.options.random ?? Math.random)();
    // NoticeSending is on record and the message is out: the outcome is recorded while the lane
    // moves on, and the pass does not end before it is (a crash meanwhile resends, same id).
    tally.track(this.recordOutcome(begun, result, jitter, at, now));
  }

  private async recordOutcome(
    begun: readonly LoadedNotice[],
    result: SendResult,
    jitter: number,
    at: string,
    now: Date,
  ): Promise<void> {
    const { store, settings } = this.options;
    for (const member of begun) {
      await runNoticeCommand(
        store,
        member,
        result.ok
          ? { type: 'RecordSent', at: (this.options.clock ?? systemClock).now().toISOString() }
          : {
              type: 'RecordFailure',
              error: result.error,
              permanent: result.permanent,
              maxAttempts: settings.maxAttempts,
              jitter,
              at,
            },
        now,
      );
    }
  }
}
