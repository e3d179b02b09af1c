import type { ChannelsConfig } from '../../platform/config/config.js';

export interface SmsMessage {
  /** The number as stored on the account, e.g. `0912 345 678` or `+84912345678`. */
  phone: string;
  text: string;
  /** Stable per delivery: `{id}` in the template and the `Idempotency-Key` header. */
  id: string;
}

/**
 * An SMS provider. Vietnamese providers (brandname SMS) each have their own HTTP API, so the one
 * driver is a configurable HTTP call; another transport implements this interface.
 */
export interface SmsGateway {
  /** Resolves with the provider's answer once it accepted the message; throws otherwise. */
  send: (message: SmsMessage) => Promise<string>;
}

export type HttpSmsSettings = NonNullable<ChannelsConfig['sms']>;

const PLACEHOLDER = /\{(phone|message|id)\}/g;

/** A phone number as providers take it: digits with an optional leading `+`. */
export function normalisePhone(phone: string): string {
  const trimmed = phone.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

/**
 * Fills `{phone}`, `{message}` and `{id}` in the body template, escaped for the content type: as
 * the inside of a JSON string for JSON bodies, percent-encoded for form bodies, as is otherwise.
 */
export function renderSmsTemplate(
  template: string,
  contentType: string,
  values: Record<'phone' | 'message' | 'id', string>,
): string {
  const type = contentType.toLowerCase();
  const escape = type.includes('json')
    ? (v: string) => JSON.stringify(v).slice(1, -1)
    : type.includes('x-www-form-urlencoded')
      ? encodeURIComponent
      : (v: string) => v;
  return template.replace(PLACEHOLDER, (_, name: 'phone' | 'message' | 'id') =>
    escape(values[name]),
  );
}

/**
 * The HTTP driver: one request per message to the configured URL (placeholders in the URL are
 * percent-encoded; with GET the template is not sent as a body). Any 2xx answer is success;
 * anything else, or no answer within 15 s, throws so that the job retries with backoff.
 */
export function createHttpSmsGateway(
  settings: HttpSmsSettings,
  fetchImpl: typeof fetch = fetch,
): SmsGateway {
  return {
    send: async (message) => {
      const values = {
        phone: normalisePhone(message.phone),
        message: message.text,
        id: message.id,
      };
      const url = renderSmsTemplate(settings.url, 'application/x-www-form-urlencoded', values);
      const headers: Record<string, string> = {
        'idempotency-key': message.id,
        ...settings.headers,
      };
      if (settings.token) headers.authorization = `Bearer ${settings.token}`;
      let body: string | undefined;
      if (settings.method !== 'GET') {
        headers['content-type'] = settings.contentType;
        body = renderSmsTemplate(settings.template, settings.contentType, values);
      }
      const response = await fetchImpl(url, {
        method: settings.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = (await response.text()).slice(0, 500);
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}: ${answer}`);
      return `${response.status} ${answer}`.trim();
    },
  };
}
