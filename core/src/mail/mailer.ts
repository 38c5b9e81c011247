/**
 * The mail port. The domain sends invitations through it and stores the result, so an admin
 * can see why a message did not arrive: `send` reports delivery problems as a result, never
 * by throwing.
 */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type DeliveryResult =
  | { status: 'sent'; messageId: string }
  /** `error` is the SMTP server's own reply when there was one, never a credential. */
  | { status: 'failed'; error: string }
  /** Nothing was sent because no mail server is configured; `reason` says what to set. */
  | { status: 'queued'; reason: string };

export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(email: OutgoingEmail): Promise<DeliveryResult>;
  verify(): Promise<{ ok: true } | { ok: false; error: string }>;
  close(): Promise<void>;
}
