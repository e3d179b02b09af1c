import { createTransport } from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per delivery (`<delivery-id@vanban>`), so a repeated send can be recognised. */
  messageId: string;
}

/** Sends one e-mail; resolves with the server's answer once the SMTP server accepted it. */
export interface Mailer {
  send: (message: EmailMessage) => Promise<string>;
  close: () => void;
}

/**
 * E-mail over SMTP with nodemailer. `url` carries host, port, credentials and TLS mode:
 * `smtp://user:pass@host:587` (STARTTLS when offered), `smtps://host:465` (TLS from the start).
 */
export function createSmtpMailer(settings: { url: string; from: string }): Mailer {
  const transport = createTransport({
    url: settings.url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    send: async (message) => {
      const info = await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
      });
      const rejected = info.rejected ?? [];
      if (rejected.length > 0)
        throw new Error(`SMTP server rejected ${rejected.map(String).join(', ')}`);
      return `${info.messageId ?? message.messageId} ${info.response ?? ''}`.trim();
    },
    close: () => transport.close(),
  };
}
