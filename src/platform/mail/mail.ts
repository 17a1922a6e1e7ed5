import nodemailer from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Sends e-mail; absent (null in the context) when no SMTP server is configured. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * A mailer for `SMTP_URL` (e.g. `smtp://user:pass@mail.example.gov.cn:587`, or `smtps://…:465`), sending
 * as `MAIL_FROM`. Returns null without SMTP_URL: reminders then stay in the admin app only.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer | null {
  if (!options.smtpUrl) return null;
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: options.from, to: mail.to.join(', '), subject: mail.subject, text: mail.text });
    },
  };
}
