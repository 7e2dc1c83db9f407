/** One mail privacyIDEA's email token sent (what an SMTP sink would have received). */
export interface SentMail {
  /** `RCPT TO`: the address the token resolved (the user store's `email` for `dynamic_email`). */
  to: string;
  from: string;
  subject: string;
  /** The text body, decoded: with the default `emailtext` just the OTP. */
  body: string;
  /** The code the mail carries. */
  otp: string;
  serial: string;
  username: string;
  realm: string;
  sentAt: number;
}

/** The SMTP definition's `sender` in the recording (`rec-sink`, recorded-api-more.md §3.1). */
export const MAIL_SENDER = 'privacyidea@example.org';

/**
 * The SMTP server the email token sends through, as a sink: every mail lands here, readable through
 * `outbox()` and `GET /_sim/outbox`. `setDown(true)` makes sending fail, as an SMTP server nothing listens on
 * (recorded §3.7, §3.8).
 */
export class MailOutbox {
  #mails: SentMail[] = [];
  #down = false;

  /** Sends, or answers false when the server is down (privacyIDEA then says so only in its message). */
  send(mail: SentMail): boolean {
    if (this.#down) return false;
    this.#mails.push(mail);
    return true;
  }

  mails(filter: { username?: string; realm?: string } = {}): SentMail[] {
    return this.#mails
      .filter((mail) => filter.username === undefined || mail.username.toLowerCase() === filter.username.toLowerCase())
      .filter((mail) => filter.realm === undefined || mail.realm.toLowerCase() === filter.realm.toLowerCase())
      .map((mail) => ({ ...mail }));
  }

  clear(): void {
    this.#mails = [];
  }

  get down(): boolean {
    return this.#down;
  }

  setDown(down: boolean): void {
    this.#down = down;
  }
}
