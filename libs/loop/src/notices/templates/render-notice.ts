import { NoticeLocale } from '../../improvements/improvement.events';
import { ImprovementChange, NoticeContent } from './notice-content';
import { NOTICE_WORDS, NoticeWords } from './notice-words';

export interface RenderedNotice {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Building a formatter costs far more than formatting: one per locale. */
const DAY_FORMATS = new Map<NoticeLocale, Intl.DateTimeFormat>();

function dayOf(iso: string | null, locale: NoticeLocale): string | null {
  if (iso === null) return null;
  let format = DAY_FORMATS.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    DAY_FORMATS.set(locale, format);
  }
  return format.format(new Date(iso));
}

/** Paragraphs of plain text, and the same as HTML with links made links. */
function both(
  subject: string,
  paragraphs: readonly string[],
  footer: readonly string[],
): RenderedNotice {
  const all = [...paragraphs, ...footer];
  const linkify = (p: string) =>
    escapeHtml(p).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>` +
    all.map((p) => `<p>${linkify(p).replace(/\n/g, '<br>')}</p>`).join('') +
    '</body></html>';
  return { subject, text: all.join('\n\n') + '\n', html };
}

function change(words: NoticeWords, c: ImprovementChange, locale: NoticeLocale): string[] {
  const said = dayOf(c.saidAt, locale);
  const lines = [`${c.title}\n${c.message}`];
  if (c.quote !== null) lines.push(words.youSaid(c.quote, said));
  return lines;
}

/** Multipart text and HTML of one notice in one of ru, uk, en. */
export function renderNotice(
  content: NoticeContent,
  locale: NoticeLocale,
  unsubscribeUrl: string | null,
): RenderedNotice {
  const words = NOTICE_WORDS[locale] ?? NOTICE_WORDS.en;
  const footer = unsubscribeUrl === null ? [] : [words.unsubscribe(unsubscribeUrl)];
  switch (content.kind) {
    case 'case_acknowledged':
      return both(
        words.acknowledgedSubject,
        [words.acknowledged, words.caseLink(content.caseUrl)],
        footer,
      );
    case 'case_reply':
      return both(words.replySubject, [content.message, words.caseLink(content.caseUrl)], footer);
    case 'case_resolved':
      return both(
        words.resolvedSubject,
        [words.resolved, content.message, words.caseLink(content.caseUrl)],
        footer,
      );
    case 'thank_you': {
      const said = dayOf(content.saidAt, locale);
      const quote = content.quote === null ? [] : [words.youSaid(content.quote, said)];
      return both(words.thankYouSubject, [words.thankYou, ...quote], footer);
    }
    case 'you_changed_this': {
      const many = content.changes.length > 1;
      return both(
        many ? words.youChangedTheseSubject(content.changes.length) : words.youChangedThisSubject,
        [words.youChangedThis, ...content.changes.flatMap((c) => change(words, c, locale))],
        footer,
      );
    }
    case 'staff_alert':
      return both(
        words.staffAlertSubject(content.caseId),
        [
          words.staffAlert(content.slaTarget, content.escalationLevel),
          words.caseLink(content.caseUrl),
        ],
        [],
      );
  }
}
