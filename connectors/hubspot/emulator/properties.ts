import { z } from 'zod';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { hubspotError, publicProperty } from './answers.ts';
import type { HubspotState, ObjectType } from './state.ts';

const GroupBody = z.object({
  name: z.string(),
  label: z.string(),
  displayOrder: z.number().int().optional(),
});
const PropertyBody = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string().optional(),
  hasUniqueValue: z.boolean().optional(),
});

/** `POST /crm/v3/properties/{type}/groups`. */
export function createGroup(state: HubspotState, type: ObjectType, request: EmuRequest): EmuResponse {
  const body = GroupBody.parse(request.json);
  if (state.groups[type].has(body.name)) {
    return hubspotError(409, 'CONFLICT', `A property group named ${body.name} already exists.`);
  }
  state.groups[type].add(body.name);
  return {
    status: 201,
    body: { name: body.name, label: body.label, displayOrder: body.displayOrder ?? -1, archived: false },
  };
}

/** `POST /crm/v3/properties/{type}`. */
export function createProperty(
  state: HubspotState,
  type: ObjectType,
  request: EmuRequest,
  now: number,
): EmuResponse {
  const body = PropertyBody.parse(request.json);
  if (state.properties[type].has(body.name)) {
    return hubspotError(409, 'CONFLICT', `Property ${body.name} already exists`, {
      context: { name: [body.name] },
    });
  }
  if (!state.groups[type].has(body.groupName)) {
    return hubspotError(400, 'VALIDATION_ERROR', `Property group ${body.groupName} does not exist.`);
  }
  const property = {
    name: body.name,
    label: body.label,
    type: body.type,
    fieldType: body.fieldType,
    groupName: body.groupName,
    description: body.description ?? '',
    hasUniqueValue: body.hasUniqueValue ?? false,
    createdAt: now,
  };
  state.addProperty(type, property);
  return { status: 201, body: publicProperty(property) };
}

export function getProperty(state: HubspotState, type: ObjectType, name: string): EmuResponse {
  const property = state.properties[type].get(name);
  return property
    ? { status: 200, body: publicProperty(property) }
    : hubspotError(404, 'OBJECT_NOT_FOUND', `Unable to find property ${name} on ${type}.`);
}
