import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';

export interface OutgoingMessage {
  id: string;
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

export class SmtpTransport implements NotificationTransport {
  readonly name = 'smtp';
  private readonly transporter: Transporter;

  constructor(url: string, private readonly from = NOTIFICATION_FROM) {
    this.transporter = createTransport(url);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.id}@notifications>`,
    });
  }

  close(): void {
    this.transporter.close();
  }
}

export class LogTransport implements NotificationTransport {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log({ notification: message.id, to: message.to, subject: message.subject, body: message.body }, 'notification (SMTP_URL unset: logged, not mailed)');
  }
}

export function transportFor(smtpUrl: string | undefined): NotificationTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl) : new LogTransport();
}
