import { Logger } from '@nestjs/common';
import type { Transporter } from 'nodemailer';

export interface OutgoingMessage {
  id: string;
  /** The same on every attempt, so a receiver drops a duplicate (delivery is at least once). */
  messageId: string;
  to: string;
  subject: string;
  body: string;
}

/** Where the worker hands messages: SMTP when SMTP_URL is set, the log otherwise. */
export interface NotificationTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  close?(): void;
}

export const NOTIFICATION_TRANSPORT = Symbol('NOTIFICATION_TRANSPORT');

export const NOTIFICATION_FROM = 'no-reply@localhost';

export function messageIdFor(notificationId: string, domain: string): string {
  return `<notification-${notificationId}@${domain}>`;
}

/** Below the outbox lease (60 s by default), so a hung server cannot hold a row past it. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export class SmtpTransport implements NotificationTransport {
  readonly name = 'smtp';
  // nodemailer (some 40 files) is loaded with the first mail, not at every start: most servers mail rarely.
  private transporter: Promise<Transporter> | null = null;

  constructor(private readonly url: string, private readonly from = NOTIFICATION_FROM) {}

  private transport(): Promise<Transporter> {
    return (this.transporter ??= import('nodemailer').then(({ createTransport }) => createTransport({ url: this.url, ...SMTP_TIMEOUTS })));
  }

  async send(message: OutgoingMessage): Promise<void> {
    await (await this.transport()).sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      messageId: message.messageId,
    });
  }

  close(): void {
    void this.transporter?.then((t) => t.close());
  }
}

export class LogTransport implements NotificationTransport {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log({ notification: message.id, messageId: message.messageId, to: message.to, subject: message.subject, body: message.body }, 'notification (SMTP_URL unset: logged, not mailed)');
  }
}

export function transportFor(smtpUrl: string | undefined): NotificationTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl) : new LogTransport();
}
