import { verifyHubspotSignature, type WebhookRequest } from '@parley/connectors';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * What HubSpot adds to every `hubspot.fetch` of an app card (the query string): which portal and
 * which HubSpot user the card runs for. Trusted only once the v3 signature over the whole URL verifies.
 */
export const CardCallerSchema = z.object({
  portalId: z.string().regex(/^\d+$/, 'portalId is HubSpot’s numeric portal id'),
  userId: z.string().regex(/^\d+$/, 'userId is HubSpot’s numeric user id').optional(),
  userEmail: z.email('userEmail is the HubSpot user’s email'),
  appId: z.string().optional(),
});
export type CardCaller = z.infer<typeof CardCallerSchema>;

/**
 * Refuses a card request HubSpot did not sign with the app's client secret in the last five
 * minutes (valid, expired and forged signatures alike are decided by the connector's v3 check).
 */
export function verifyCardRequest(request: WebhookRequest, secret: string | undefined, nowMs: number): void {
  if (!secret)
    throw new AppError(
      'precondition_failed',
      'hubspot_app_missing',
      'Parley has no HubSpot app: set PARLEY_HUBSPOT_CLIENT_ID and PARLEY_HUBSPOT_CLIENT_SECRET.',
    );
  const verdict = verifyHubspotSignature(request, secret, nowMs);
  if (!verdict.ok)
    throw new AppError(
      'unauthenticated',
      'hubspot_signature_invalid',
      `This request is not signed by HubSpot for Parley’s app (${verdict.reason}); nothing was read or changed.`,
    );
}

/** The signed query of a verified request, as the card's caller. */
export function cardCallerOf(query: Record<string, unknown>): CardCaller {
  const parsed = CardCallerSchema.safeParse(query);
  if (!parsed.success)
    throw new AppError(
      'invalid',
      'hubspot_card_caller',
      'HubSpot did not say which portal and user this card runs for.',
      {
        fields: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])),
      },
    );
  return parsed.data;
}
