/** The mail layer's error: thrown only at start-up, for configuration a person has to fix. */
export type MailErrorKind = 'config';

export class MailError extends Error {
  override name = 'MailError';
  constructor(
    readonly kind: MailErrorKind,
    message: string,
  ) {
    super(message);
  }
}
