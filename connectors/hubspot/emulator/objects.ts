import { z } from 'zod';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { hubspotError, publicObject, standardError } from './answers.ts';
import { type HsObject, type HubspotState, isObjectType, type ObjectType, TYPE_ID } from './state.ts';

// Shapes the spec check has already accepted; parsed again here only to read them typed.
const UpsertBody = z.object({
  inputs: z.array(
    z.object({
      id: z.string(),
      idProperty: z.string().optional(),
      objectWriteTraceId: z.string().optional(),
      properties: z.record(z.string(), z.string()),
    }),
  ),
});
const ArchiveBody = z.object({ inputs: z.array(z.object({ id: z.string() })) });
const PatchBody = z.object({ properties: z.record(z.string(), z.string()) });
const AssociateBody = z.object({
  inputs: z.array(
    z.object({
      from: z.object({ id: z.string() }),
      to: z.object({ id: z.string() }),
      types: z.array(z.object({ associationCategory: z.string(), associationTypeId: z.number() })),
    }),
  ),
});

/** HUBSPOT_DEFINED association types the emulator knows (engagement → contact). */
const TO_CONTACT_TYPE: Readonly<Record<string, number>> = { calls: 194, notes: 202 };

const MAX_INPUTS = 100;

function tooMany(count: number): EmuResponse | null {
  return count > MAX_INPUTS
    ? hubspotError(400, 'VALIDATION_ERROR', `Batch input too large: ${count} inputs, at most ${MAX_INPUTS}.`)
    : null;
}

function unknownProperties(
  state: HubspotState,
  type: ObjectType,
  properties: Record<string, string>,
): string[] {
  return Object.keys(properties).filter((name) => !state.properties[type].has(name));
}

function batchAnswer(results: unknown[], errors: unknown[], okStatus: number, now: number): EmuResponse {
  const at = new Date(now).toISOString();
  const base = { status: 'COMPLETE', results, startedAt: at, completedAt: at };
  return errors.length === 0
    ? { status: okStatus, body: base }
    : { status: 207, body: { ...base, errors, numErrors: errors.length } };
}

/** `POST /crm/v3/objects/{type}/batch/upsert`: create or update by a unique property's value. */
export function batchUpsert(
  state: HubspotState,
  type: ObjectType,
  request: EmuRequest,
  now: number,
): EmuResponse {
  const body = UpsertBody.parse(request.json);
  const refused = tooMany(body.inputs.length);
  if (refused) return refused;
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of body.inputs) {
    const idProperty = input.idProperty ?? (type === 'contacts' ? 'email' : 'hs_object_id');
    const trace: Record<string, string[]> = input.objectWriteTraceId
      ? { objectWriteTraceId: [input.objectWriteTraceId] }
      : {};
    if (!state.unique.has(`${type}/${idProperty}`)) {
      errors.push(
        standardError(400, 'VALIDATION_ERROR', `${idProperty} is not a unique property of ${type}.`, trace),
      );
      continue;
    }
    const unknown = unknownProperties(state, type, input.properties);
    if (unknown.length > 0) {
      errors.push(
        standardError(
          400,
          'VALIDATION_ERROR',
          `Property values were not valid: PROPERTY_DOESNT_EXIST ${unknown.join(', ')}`,
          trace,
        ),
      );
      continue;
    }
    const existing = state.findByUnique(type, idProperty, input.id);
    const properties = { ...input.properties, [idProperty]: input.id };
    if (state.collision(type, existing?.id ?? null, properties)) {
      errors.push(standardError(409, 'CONFLICT', 'A record already has this unique value.', trace));
      continue;
    }
    let record: HsObject;
    if (existing) {
      state.write(type, existing, properties, now);
      record = existing;
    } else {
      record = state.create(type, properties, now);
    }
    results.push({
      ...publicObject(type, record, Object.keys(properties)),
      new: !existing,
      ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
    });
  }
  return batchAnswer(results, errors, 200, now);
}

/** `POST /crm/v3/objects/{type}/batch/archive`: 204 even for ids already gone, as HubSpot does. */
export function batchArchive(
  state: HubspotState,
  type: ObjectType,
  request: EmuRequest,
  now: number,
): EmuResponse {
  const body = ArchiveBody.parse(request.json);
  const refused = tooMany(body.inputs.length);
  if (refused) return refused;
  for (const { id } of body.inputs) {
    const record = state.live(type, id);
    if (record) state.archive(type, record, now);
  }
  return { status: 204 };
}

/** `GET /crm/v3/objects/{type}/{id}`; `properties` (comma-separated) names what the answer carries. */
export function getObject(
  state: HubspotState,
  type: ObjectType,
  id: string,
  properties?: readonly string[],
): EmuResponse {
  const record = state.live(type, id);
  return record
    ? { status: 200, body: publicObject(type, record, properties) }
    : hubspotError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', {
        context: { id: [id] },
      });
}

export function patchObject(
  state: HubspotState,
  type: ObjectType,
  id: string,
  request: EmuRequest,
  now: number,
): EmuResponse {
  const body = PatchBody.parse(request.json);
  const record = state.live(type, id);
  if (!record) return getObject(state, type, id);
  const unknown = unknownProperties(state, type, body.properties);
  if (unknown.length > 0) {
    return hubspotError(
      400,
      'VALIDATION_ERROR',
      `Property values were not valid: PROPERTY_DOESNT_EXIST ${unknown.join(', ')}`,
    );
  }
  if (state.collision(type, record.id, body.properties)) {
    return hubspotError(409, 'CONFLICT', 'A record already has this unique value.');
  }
  state.write(type, record, body.properties, now);
  return { status: 200, body: publicObject(type, record, Object.keys(body.properties)) };
}

/** `POST /crm/v4/associations/{from}/{to}/batch/create`, engagement → contact only. */
export function batchAssociate(
  state: HubspotState,
  from: string,
  to: string,
  request: EmuRequest,
  now: number,
): EmuResponse {
  const body = AssociateBody.parse(request.json);
  const refused = tooMany(body.inputs.length);
  if (refused) return refused;
  if (!isObjectType(from) || to !== 'contacts' || !TO_CONTACT_TYPE[from]) {
    return hubspotError(
      400,
      'VALIDATION_ERROR',
      `Associations from ${from} to ${to} are not supported by the emulator.`,
    );
  }
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of body.inputs) {
    const context = { fromObjectId: [input.from.id], toObjectId: [input.to.id] };
    const typeOk = input.types.every(
      (t) => t.associationCategory === 'HUBSPOT_DEFINED' && t.associationTypeId === TO_CONTACT_TYPE[from],
    );
    if (!typeOk) {
      errors.push(
        standardError(400, 'VALIDATION_ERROR', 'The association type does not join these objects.', context),
      );
    } else if (!state.live(from, input.from.id)) {
      errors.push(
        standardError(404, 'OBJECT_NOT_FOUND', `No ${from} with id ${input.from.id} exist.`, context),
      );
    } else if (!state.live('contacts', input.to.id)) {
      errors.push(
        standardError(404, 'OBJECT_NOT_FOUND', `No contacts with id ${input.to.id} exist.`, context),
      );
    } else {
      state.link(from, input.from.id, input.to.id);
      results.push({
        fromObjectId: input.from.id,
        fromObjectTypeId: TYPE_ID[from],
        toObjectId: input.to.id,
        toObjectTypeId: TYPE_ID.contacts,
        labels: [],
      });
    }
  }
  return batchAnswer(results, errors, 201, now);
}
