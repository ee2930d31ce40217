import { NoticeLocale } from '../../improvements/improvement.events';

/** The fixed words of every notice, per locale. */
export interface NoticeWords {
  readonly acknowledgedSubject: string;
  readonly acknowledged: string;
  readonly replySubject: string;
  readonly resolvedSubject: string;
  readonly resolved: string;
  readonly thankYouSubject: string;
  readonly thankYou: string;
  readonly youChangedThisSubject: string;
  youChangedTheseSubject(count: number): string;
  readonly youChangedThis: string;
  youSaid(quote: string, day: string | null): string;
  caseLink(url: string): string;
  unsubscribe(url: string): string;
  staffAlertSubject(caseId: string): string;
  staffAlert(target: string | null, level: number | null): string;
}

const en: NoticeWords = {
  acknowledgedSubject: 'We have your message',
  acknowledged: 'Thank you for telling us. A person is now looking into it and will answer you.',
  replySubject: 'An answer about your message',
  resolvedSubject: 'What we did about your message',
  resolved: 'Your case is resolved.',
  thankYouSubject: 'Thank you',
  thankYou: 'Thank you for your kind words: we have passed them on to the team.',
  youChangedThisSubject: 'You changed this',
  youChangedTheseSubject: (n) => `You changed ${n} things`,
  youChangedThis: 'You told us, and we changed it:',
  youSaid: (quote, day) =>
    day === null ? `You said: “${quote}”` : `On ${day} you said: “${quote}”`,
  caseLink: (url) => `Your case: ${url}`,
  unsubscribe: (url) => `To stop these messages: ${url}`,
  staffAlertSubject: (caseId) => `Case ${caseId} needs you`,
  staffAlert: (target, level) =>
    level !== null
      ? `The case was escalated to you (level ${level}).`
      : `The case's ${target ?? 'SLA'} target needs attention.`,
};

const ru: NoticeWords = {
  acknowledgedSubject: 'Мы получили ваше сообщение',
  acknowledged: 'Спасибо, что рассказали нам. Сотрудник уже разбирается и ответит вам.',
  replySubject: 'Ответ на ваше обращение',
  resolvedSubject: 'Что мы сделали по вашему обращению',
  resolved: 'Ваше обращение решено.',
  thankYouSubject: 'Спасибо',
  thankYou: 'Спасибо за добрые слова: мы передали их команде.',
  youChangedThisSubject: 'Это изменили вы',
  youChangedTheseSubject: (n) => `Вы изменили это (${n})`,
  youChangedThis: 'Вы нам сказали, и мы изменили:',
  youSaid: (quote, day) =>
    day === null ? `Вы написали: «${quote}»` : `${day} вы написали: «${quote}»`,
  caseLink: (url) => `Ваше обращение: ${url}`,
  unsubscribe: (url) => `Отписаться от этих сообщений: ${url}`,
  staffAlertSubject: (caseId) => `Обращение ${caseId} ждёт вас`,
  staffAlert: (target, level) =>
    level !== null
      ? `Обращение передано вам (уровень ${level}).`
      : `Срок ${target ?? 'SLA'} по обращению требует внимания.`,
};

const uk: NoticeWords = {
  acknowledgedSubject: 'Ми отримали ваше повідомлення',
  acknowledged: 'Дякуємо, що розповіли нам. Співробітник уже розбирається і відповість вам.',
  replySubject: 'Відповідь на ваше звернення',
  resolvedSubject: 'Що ми зробили щодо вашого звернення',
  resolved: 'Ваше звернення вирішено.',
  thankYouSubject: 'Дякуємо',
  thankYou: 'Дякуємо за добрі слова: ми передали їх команді.',
  youChangedThisSubject: 'Це змінили ви',
  youChangedTheseSubject: (n) => `Ви змінили це (${n})`,
  youChangedThis: 'Ви нам сказали, і ми змінили:',
  youSaid: (quote, day) =>
    day === null ? `Ви написали: «${quote}»` : `${day} ви написали: «${quote}»`,
  caseLink: (url) => `Ваше звернення: ${url}`,
  unsubscribe: (url) => `Відписатися від цих повідомлень: ${url}`,
  staffAlertSubject: (caseId) => `Звернення ${caseId} чекає на вас`,
  staffAlert: (target, level) =>
    level !== null
      ? `Звернення передано вам (рівень ${level}).`
      : `Строк ${target ?? 'SLA'} за зверненням потребує уваги.`,
};

export const NOTICE_WORDS: Readonly<Record<NoticeLocale, NoticeWords>> = { en, ru, uk };
