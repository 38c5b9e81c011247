import { z } from 'zod';
import { AppError } from '../errors.ts';
import { signedRecordingUrl } from '../recordings/index.ts';
import type { Services } from '../services.ts';
import { sql } from '../store/sql.ts';

/** HubSpot fetches the audio at once (for its player and transcription): a short link is enough. */
const HUBSPOT_LINK_SECONDS = 15 * 60;

/**
 * What HubSpot sends to the recording URL registered in the calling extension's recording
 * settings (`…/%s` with the call's external id, then `?appId=…&externalAccountId=…`).
 */
export const RecordingRequestSchema = z.object({
  callId: z.uuid('The external id HubSpot sends is a Parley call id'),
  externalAccountId: z.uuid('externalAccountId is the Parley account the call was logged for'),
});

/**
 * `{ authenticatedUrl }` for a call's recording, when the call belongs to the account HubSpot
 * names, that account has HubSpot connected, and there is a recording.
 */
export async function hubspotRecordingLink(
  services: Services,
  request: z.output<typeof RecordingRequestSchema>,
) {
  const row = await services.db.maybeOne<{ id: string }>(sql`select c.id from calls c
    join call_recordings r on r.call_id = c.id
    join crm_connections k on k.account_id = c.account_id and k.kind = 'hubspot' and k.status = 'active'
    where c.id = ${request.callId} and c.account_id = ${request.externalAccountId}`);
  if (!row)
    throw new AppError(
      'not_found',
      'recording_not_found',
      'No recording of this call for this HubSpot account.',
    );
  return {
    authenticatedUrl: signedRecordingUrl(
      services,
      { accountId: request.externalAccountId, callId: request.callId },
      HUBSPOT_LINK_SECONDS,
    ),
  };
}
