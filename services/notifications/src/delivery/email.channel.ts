import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { ClaimedDelivery, DeliveryChannel } from './claimed-delivery.js';

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  timeoutMs: number;
}

/** One message sent over SMTP: to whom, a subject free of case detail, and the text. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Lets a receiving system drop a retried message it already has. */
  messageId: string;
}

/**
 * E-mail through an SMTP server (nodemailer, pooled connections); the SMTP server's acceptance = delivered. Provided
 * only when SMTP_URL is set (else null: no e-mail deliveries are created).
 */
export class EmailChannel implements DeliveryChannel, OnApplicationShutdown {
  private readonly logger = new Logger(EmailChannel.name);
  private readonly transport: Transporter;

  constructor(private readonly settings: EmailSettings) {
    this.transport = nodemailer.createTransport({
      url: settings.smtpUrl,
      pool: true,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  send(delivery: ClaimedDelivery): Promise<void> {
    return this.sendEmail({
      to: delivery.target,
      subject: delivery.title,
      text: delivery.body,
      messageId: delivery.publicId,
    });
  }

  async sendEmail(email: OutgoingEmail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.settings.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: `<${email.messageId}@baton.notifications>`,
    });
    const refused = info.rejected ?? [];
    if (refused.length > 0) throw new Error(`the SMTP server refused ${refused.length} recipient(s)`);
    this.logger.debug(`E-mail ${email.messageId} accepted by the SMTP server`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
