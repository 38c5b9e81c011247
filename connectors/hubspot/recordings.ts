import { z } from 'zod';
import { type CrmError, isCrmError } from '../core/errors.ts';
import type { HubspotClient } from './client.ts';
import { readBody } from './errors.ts';
import type { ParleyProperties } from './properties.ts';

/**
 * Parley's mark on a call engagement whose recording HubSpot was told about: the Parley call id,
 * written only once HubSpot accepted the announcement. It lives on the engagement itself, so the
 * call is announced once whichever instance logs it and however often the log is updated.
 */
export const PARLEY_RECORDING_READY = 'parley_recording_ready';

export interface RecordedCall {
  /** The call engagement's HubSpot id. */
  engagementId: string;
  /** Parley's call id (`hs_call_external_id`). */
  callId: string;
}

const MarkedCall = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
});

/**
 * Tells HubSpot that each call's recording can be fetched (`POST
 * /crm/v3/extensions/calling/recordings/ready {engagementId}`, calling-extensions-v3), once per
 * call: a call already marked is skipped; a new announcement is followed by the mark. A failure
 * is that call's alone, returned by engagement id, so the sync retries it — the upsert before it
 * finds the same engagement, and the missing mark makes the announcement go again.
 * Requests go through the connector's client: its budget, its retries of 429 and 5xx.
 */
export async function announceRecordings(
  client: HubspotClient,
  properties: ParleyProperties,
  calls: readonly RecordedCall[],
): Promise<Map<string, CrmError>> {
  const failed = new Map<string, CrmError>();
  if (calls.length === 0) return failed;
  try {
    await properties.ensure('calls', PARLEY_RECORDING_READY, 'Parley recording announced', {
      unique: false,
      description: 'Set by Parley once HubSpot was told this call’s recording is ready.',
    });
  } catch (error) {
    if (!isCrmError(error)) throw error;
    for (const call of calls) failed.set(call.engagementId, error);
    return failed;
  }
  for (const call of calls) {
    try {
      await announceOnce(client, call);
    } catch (error) {
      if (!isCrmError(error)) throw error;
      failed.set(call.engagementId, error);
    }
  }
  return failed;
}

async function announceOnce(client: HubspotClient, call: RecordedCall): Promise<void> {
  const path = `/crm/v3/objects/calls/${encodeURIComponent(call.engagementId)}`;
  const current = await client.request({
    method: 'GET',
    path,
    query: { properties: PARLEY_RECORDING_READY },
  });
  const marked = readBody(MarkedCall, current, 'the call engagement');
  if (marked.properties[PARLEY_RECORDING_READY] === call.callId) return;
  // Announcing twice (an answer lost on the way back) only asks HubSpot to fetch the audio again.
  await client.request({
    method: 'POST',
    path: '/crm/v3/extensions/calling/recordings/ready',
    // An int64 in the spec; HubSpot's engagement ids are numeric strings in the objects API.
    json: { engagementId: Number(call.engagementId) },
    idempotent: true,
  });
  await client.request({
    method: 'PATCH',
    path,
    json: { properties: { [PARLEY_RECORDING_READY]: call.callId } },
    idempotent: true,
  });
}
