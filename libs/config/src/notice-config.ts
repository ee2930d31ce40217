import { ConfigError, HeardConfig } from './config';

type Env = Readonly<Record<string, string | undefined>>;

export type NoticeConfig = Pick<
  HeardConfig,
  | 'smtpUrl'
  | 'noticeFrom'
  | 'publicBaseUrl'
  | 'noticeWebhookUrl'
  | 'noticeWebhookSecret'
  | 'noticeMaxAttempts'
  | 'noticeDigestHours'
>;

const text = (env: Env, name: string): string | null => env[name]?.trim() || null;

function urlOf(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL (got "${name === 'SMTP_URL' ? '…' : raw}")`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return raw;
}

/**
 * Notice delivery: where e-mail and the SMS/push webhook go, and how patiently. Without SMTP_URL
 * e-mail is written to DATA_DIR/outbox; without NOTICE_WEBHOOK_URL sms and push notices fail
 * permanently with `no_webhook` (visible to staff), never silently.
 */
export function loadNoticeConfig(env: Env, apiPort: number): NoticeConfig {
  const smtpUrl = urlOf(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const publicBaseUrl = (
    urlOf(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${apiPort}`
  ).replace(/\/+$/, '');
  const noticeWebhookUrl = urlOf(env, 'NOTICE_WEBHOOK_URL', ['http:', 'https:']);
  const noticeWebhookSecret = text(env, 'NOTICE_WEBHOOK_SECRET');
  if (noticeWebhookUrl !== null && (noticeWebhookSecret ?? '').length < 16)
    throw new ConfigError(
      'NOTICE_WEBHOOK_SECRET',
      'must be at least 16 characters when NOTICE_WEBHOOK_URL is set',
    );
  const attempts = text(env, 'NOTICE_MAX_ATTEMPTS') ?? '8';
  if (!/^\d+$/.test(attempts) || Number(attempts) < 1 || Number(attempts) > 50)
    throw new ConfigError(
      'NOTICE_MAX_ATTEMPTS',
      `must be a whole number from 1 to 50 (got "${attempts}")`,
    );
  const digest = text(env, 'NOTICE_DIGEST_HOURS') ?? '24';
  const digestHours = Number(digest);
  if (!/^\d+(\.\d+)?$/.test(digest) || digestHours > 24 * 7)
    throw new ConfigError(
      'NOTICE_DIGEST_HOURS',
      `must be a number of hours from 0 (no digest) to 168 (got "${digest}")`,
    );
  return {
    smtpUrl,
    noticeFrom: text(env, 'NOTICE_FROM') ?? 'Heard <notices@heard.local>',
    publicBaseUrl,
    noticeWebhookUrl,
    noticeWebhookSecret: noticeWebhookUrl === null ? null : noticeWebhookSecret,
    noticeMaxAttempts: Number(attempts),
    noticeDigestHours: digestHours,
  };
}
