import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { CrmChange, WebhookRequest, WebhookSpec, WebhookVerdict } from '../core/webhook.ts';

/**
 * Attio signs the raw body: `Attio-Signature` (also sent as `X-Attio-Signature`) is the hex
 * HMAC-SHA256 of it with the webhook's secret (docs `rest-api/how-to/webhooks`). The signed bytes
 * carry no timestamp, so there is no replay window to check; core dedupes on `Idempotency-Key`.
 */
const RecordEventSchema = z.object({
  event_type: z.string(),
  id: z.object({
    workspace_id: z.string(),
    object_id: z.string().optional(),
    record_id: z.string().optional(),
  }),
});
export const AttioWebhookBody = z.object({ webhook_id: z.string(), events: z.array(RecordEventSchema) });

const CHANGES: Readonly<Record<string, CrmChange['change']>> = {
  'record.created': 'created',
  'record.updated': 'updated',
  'record.deleted': 'deleted',
  'record.merged': 'updated',
};

function header(request: WebhookRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function attioSignature(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

function parse(rawBody: string) {
  try {
    return AttioWebhookBody.safeParse(JSON.parse(rawBody));
  } catch {
    return null;
  }
}

/**
 * Record events carry ids only, and Parley subscribes to people's (filter `id.object_id`), so every
 * record event is a person change; core then reads the person through `changedContacts`.
 */
export const attioWebhook: WebhookSpec = {
  accountOf(request) {
    const parsed = parse(request.rawBody);
    return parsed?.success ? (parsed.data.events[0]?.id.workspace_id ?? null) : null;
  },

  verify(request, secret, nowMs): WebhookVerdict {
    const given = header(request, 'attio-signature') ?? header(request, 'x-attio-signature');
    if (!given) return { ok: false, reason: 'no Attio-Signature header' };
    const expected = Buffer.from(attioSignature(request.rawBody, secret), 'hex');
    const received = Buffer.from(given.trim(), 'hex');
    if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
      return { ok: false, reason: 'signature does not match the body' };
    }
    const parsed = parse(request.rawBody);
    if (!parsed?.success) return { ok: false, reason: 'body is not an Attio webhook delivery' };
    const changes: CrmChange[] = [];
    for (const event of parsed.data.events) {
      const change = CHANGES[event.event_type];
      if (!change || !event.id.record_id) continue;
      changes.push({
        accountId: event.id.workspace_id,
        personId: event.id.record_id,
        change,
        occurredAt: new Date(nowMs),
      });
    }
    return { ok: true, changes };
  },
};
