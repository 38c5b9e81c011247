/** A webhook request exactly as it reached Parley: the signature is over these bytes, never re-serialised JSON. */
export interface WebhookRequest {
  method: string;
  /** The full public URL the CRM called (signatures like HubSpot v3 cover it). */
  url: string;
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: string;
}

/** Something changed on a person in the CRM; core then pulls `changedContacts` from its cursor. */
export interface CrmChange {
  /** The CRM account it concerns (HubSpot portal id, Attio workspace id), to find the connection. */
  accountId: string;
  personId: string;
  change: 'created' | 'updated' | 'deleted';
  occurredAt: Date;
}

export type WebhookVerdict =
  | { ok: true; changes: CrmChange[] }
  /** Refused: core answers 401 and changes nothing. */
  | { ok: false; reason: string };

export interface WebhookSpec {
  /**
   * The CRM account a request claims to be for, read before any verification so core can find the
   * connection whose secret checks it; null when the request does not say.
   */
  accountOf(request: WebhookRequest): string | null;
  /** Checks the signature (timing-safe, with the CRM's replay window) and parses the changes. */
  verify(request: WebhookRequest, secret: string, nowMs: number): WebhookVerdict;
}
