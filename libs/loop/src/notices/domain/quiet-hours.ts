import { DateTime } from 'luxon';

/** HH:mm to HH:mm in an IANA zone; `from` after `to` spans midnight. */
export interface QuietWindow {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * When the quiet hours that hold `now` end, or null when `now` is outside them (or the window is
 * empty). Wall-clock arithmetic in the customer's zone, so a DST change moves the instant with it.
 */
export function quietHoursEnd(window: QuietWindow, now: Date): Date | null {
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from === to) return null;
  const local = DateTime.fromJSDate(now, { zone: window.timeZone });
  if (!local.isValid) return null;
  const m = local.hour * 60 + local.minute;
  const inside = from < to ? m >= from && m < to : m >= from || m < to;
  if (!inside) return null;
  let end = local.set({ hour: Math.floor(to / 60), minute: to % 60, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}
