import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { CrmChange, WebhookRequest, WebhookSpec, WebhookVerdict } from '../core/webhook.ts';

/** HubSpot refuses to count on a request older than this; so do we (replay window). */
export const MAX_AGE_MS = 5 * 60_000;

/**
 * HubSpot signs the URI with these escapes decoded (webhooks docs, "Validate the v3 request
 * signature"; the list is recalled, verify against a live request).
 */
const DECODED: ReadonlyArray<[RegExp, string]> = [
  [/%3A/gi, ':'],
  [/%2F/gi, '/'],
  [/%3F/gi, '?'],
  [/%40/gi, '@'],
  [/%21/gi, '!'],
  [/%24/gi, '$'],
  [/%27/gi, "'"],
  [/%28/gi, '('],
  [/%29/gi, ')'],
  [/%2A/gi, '*'],
  [/%2C/gi, ','],
  [/%3B/gi, ';'],
];

export function signedUri(url: string): string {
  return DECODED.reduce((uri, [pattern, char]) => uri.replace(pattern, char), url);
}

/** v3: base64 HMAC-SHA256 of method + URI + raw body + timestamp, keyed with the app's client secret. */
export function signV3(
  secret: string,
  method: string,
  url: string,
  rawBody: string,
  timestamp: string,
): string {
  return createHmac('sha256', secret)
    .update(`${method.toUpperCase()}${signedUri(url)}${rawBody}${timestamp}`)
    .digest('base64');
}

const WebhookEvent = z.looseObject({
  eventId: z.number().int(),
  subscriptionType: z.string(),
  portalId: z.number().int(),
  objectId: z.number().int(),
  occurredAt: z.number().int(),
  propertyName: z.string().optional(),
  changeSource: z.string().optional(),
});
const WebhookEvents = z.array(WebhookEvent).min(1).max(100);

const CHANGE_OF_TYPE: Readonly<Record<string, CrmChange['change']>> = {
  'contact.creation': 'created',
  'contact.propertyChange': 'updated',
  'contact.restore': 'updated',
  'contact.merge': 'updated',
  'contact.associationChange': 'updated',
  'contact.deletion': 'deleted',
  'contact.privacyDeletion': 'deleted',
};

function header(request: WebhookRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function parseEvents(rawBody: string) {
  try {
    return WebhookEvents.safeParse(JSON.parse(rawBody));
  } catch {
    return null;
  }
}

/**
 * Whether HubSpot signed this request (v3) with the app's secret in the last five minutes: its
 * webhooks and the `hubspot.fetch` calls of the app's UI extensions are signed the same way.
 */
export function verifySignatureV3(
  request: WebhookRequest,
  secret: string,
  nowMs: number,
): { ok: true } | { ok: false; reason: string } {
  const signature = header(request, 'x-hubspot-signature-v3');
  const timestamp = header(request, 'x-hubspot-request-timestamp');
  if (!signature || !timestamp) return { ok: false, reason: 'missing X-HubSpot-Signature-v3 or timestamp' };
  const sentAt = Number(timestamp);
  if (!Number.isInteger(sentAt) || nowMs - sentAt > MAX_AGE_MS || sentAt - nowMs > MAX_AGE_MS) {
    return { ok: false, reason: 'timestamp outside the 5-minute window' };
  }
  const expected = Buffer.from(signV3(secret, request.method, request.url, request.rawBody, timestamp));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'signature does not match' };
  }
  return { ok: true };
}

export const hubspotWebhook: WebhookSpec = {
  accountOf(request) {
    const parsed = parseEvents(request.rawBody);
    const first = parsed?.success ? parsed.data[0] : undefined;
    return first ? String(first.portalId) : null;
  },

  verify(request, secret, nowMs): WebhookVerdict {
    const signed = verifySignatureV3(request, secret, nowMs);
    if (!signed.ok) return signed;
    const parsed = parseEvents(request.rawBody);
    if (!parsed?.success) return { ok: false, reason: 'body is not an array of HubSpot events' };
    const changes = parsed.data.flatMap((event): CrmChange[] => {
      const change = CHANGE_OF_TYPE[event.subscriptionType];
      return change
        ? [
            {
              accountId: String(event.portalId),
              personId: String(event.objectId),
              change,
              occurredAt: new Date(event.occurredAt),
            },
          ]
        : [];
    });
    return { ok: true, changes };
  },
};
