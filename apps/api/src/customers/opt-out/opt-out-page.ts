/** The words of the page, per language the notices exist in. */
const WORDS = {
  en: {
    title: 'Unsubscribe',
    confirm: 'Stop these messages from Heard?',
    button: 'Unsubscribe',
    done: 'You are unsubscribed. We will not send you these messages any more.',
  },
  uk: {
    title: 'Відписатися',
    confirm: 'Більше не надсилати вам ці повідомлення?',
    button: 'Відписатися',
    done: 'Ви відписалися. Ми більше не надсилатимемо вам ці повідомлення.',
  },
  ru: {
    title: 'Отписаться',
    confirm: 'Больше не присылать вам эти сообщения?',
    button: 'Отписаться',
    done: 'Вы отписались. Мы больше не будем присылать вам эти сообщения.',
  },
} as const;

export type PageLanguage = keyof typeof WORDS;

/** The customer's locale to a language of the page: "uk-UA" → uk; anything else → en. */
export function pageLanguageOf(locale: string | null): PageLanguage {
  const language = locale?.split('-')[0].toLowerCase();
  return language === 'uk' || language === 'ru' ? language : 'en';
}

const page = (lang: PageLanguage, title: string, body: string) =>
  `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main>${body}</main></body></html>\n`;

/**
 * Asks before it acts: mail scanners follow links in messages, and a GET must not opt a customer
 * out on their behalf. The button posts back to the same link (the one-click POST).
 */
export function confirmPage(lang: PageLanguage, action: string): string {
  const w = WORDS[lang];
  return page(
    lang,
    w.title,
    `<p>${w.confirm}</p><form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${w.button}</button></form>`,
  );
}

export function donePage(lang: PageLanguage): string {
  const w = WORDS[lang];
  return page(lang, w.title, `<p>${w.done}</p>`);
}
