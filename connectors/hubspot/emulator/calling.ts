import { z } from 'zod';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { hubspotError } from './answers.ts';
import type { HubspotState } from './state.ts';

/** `MarkRecordingAsReadyRequest` of calling-extensions-v3. */
const ReadyBody = z.strictObject({ engagementId: z.number().int() });

/**
 * `POST /crm/v3/extensions/calling/recordings/ready`: 204 without a body, as the spec answers.
 * Each announcement is kept with the call's properties at that moment, so tests see what HubSpot
 * would have had to fetch the recording with. An unknown call is refused as the objects API does.
 */
export function recordingReady(state: HubspotState, request: EmuRequest): EmuResponse {
  const body = ReadyBody.safeParse(request.json);
  if (!body.success) return hubspotError(400, 'VALIDATION_ERROR', 'Invalid input JSON: engagementId');
  const id = String(body.data.engagementId);
  const call = state.live('calls', id);
  if (!call) {
    return hubspotError(404, 'OBJECT_NOT_FOUND', `No call with id ${id} exists.`, {
      context: { id: [id] },
    });
  }
  state.recordingsReady.push({ engagementId: id, properties: { ...call.properties } });
  return { status: 204 };
}
