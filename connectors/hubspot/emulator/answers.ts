import { randomUUID } from 'node:crypto';
import type { EmuResponse } from '../../testing/emulator-server.ts';
import type { HsObject, HsProperty, ObjectType } from './state.ts';

/** HubSpot's error body (`Error` in every v3 spec, plus the `status:'error'` it always sends). */
export function hubspotError(
  status: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): EmuResponse {
  return { status, body: { status: 'error', message, correlationId: randomUUID(), category, ...extra } };
}

/** As HubSpot answers a 429: its policy in the body, the wait in Retry-After. */
export function rateLimited(
  policy: 'TEN_SECONDLY_ROLLING' | 'SECONDLY',
  retryAfterSeconds: number,
): EmuResponse {
  const message =
    policy === 'SECONDLY'
      ? 'You have reached your secondly limit.'
      : 'You have reached your ten_secondly_rolling limit.';
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      status: 'error',
      message,
      errorType: 'RATE_LIMIT',
      correlationId: randomUUID(),
      policyName: policy,
      category: 'RATE_LIMITS',
    },
  };
}

/** The error answer for a fault or an exceeded budget, in HubSpot's words. */
export function errorFor(status: number, retryAfterSeconds?: number): EmuResponse {
  if (status === 429) return rateLimited('TEN_SECONDLY_ROLLING', retryAfterSeconds ?? 10);
  if (status === 401)
    return hubspotError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
  if (status === 400) return hubspotError(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1');
  if (status >= 500) return hubspotError(status, 'INTERNAL_ERROR', 'internal error');
  return hubspotError(status, 'VALIDATION_ERROR', `HTTP ${status}`);
}

/** A 207's per-input error (`StandardError`: every field required). */
export function standardError(
  status: number,
  category: string,
  message: string,
  context: Record<string, string[]>,
) {
  return { status: String(status), category, message, context, errors: [], links: {} };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `SimplePublicObject` with the requested properties plus the ones HubSpot always returns. */
export function publicObject(type: ObjectType, record: HsObject, names?: readonly string[]) {
  const computed: Record<string, string> = {
    hs_object_id: record.id,
    hs_createdate: iso(record.createdAt),
    hs_lastmodifieddate: iso(record.updatedAt),
  };
  if (type === 'contacts') {
    computed.createdate = iso(record.createdAt);
    computed.lastmodifieddate = iso(record.updatedAt);
  }
  const all = { ...record.properties, ...computed };
  const properties: Record<string, string> = {};
  const wanted = names ? [...names, ...Object.keys(computed)] : Object.keys(all);
  for (const name of wanted) {
    const value = all[name];
    if (value !== undefined) properties[name] = value;
  }
  return {
    id: record.id,
    properties,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archived: record.archived,
  };
}

export function publicProperty(property: HsProperty) {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    groupName: property.groupName,
    description: property.description,
    hasUniqueValue: property.hasUniqueValue,
    options: [],
    hubspotDefined: property.createdAt === 0,
    createdAt: iso(property.createdAt),
    updatedAt: iso(property.createdAt),
    archived: false,
  };
}
