import { z } from 'zod';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { hubspotError, publicObject } from './answers.ts';
import type { HsObject, HubspotState, ObjectType } from './state.ts';

const Filter = z.object({
  propertyName: z.string(),
  operator: z.string(),
  value: z.string().optional(),
  values: z.array(z.string()).optional(),
});
type Filter = z.infer<typeof Filter>;
const SearchBody = z.object({
  filterGroups: z.array(z.object({ filters: z.array(Filter) })),
  sorts: z.array(z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']) })),
  properties: z.array(z.string()),
  limit: z.number().int(),
  after: z.string(),
});

/** HubSpot's documented search limits (https://developers.hubspot.com/docs/api/crm/search). */
const MAX_LIMIT = 200;
const MAX_RESULTS = 10_000;
const MAX_GROUPS = 5;
const MAX_FILTERS = 18;

const PHONE_INDEX = {
  hs_searchable_calculated_phone_number: 'phone',
  hs_searchable_calculated_mobile_number: 'mobilephone',
} as const;

function propertyValue(record: HsObject, name: string): string | undefined {
  if (name === 'lastmodifieddate' || name === 'hs_lastmodifieddate') return String(record.updatedAt);
  if (name === 'createdate' || name === 'hs_createdate') return String(record.createdAt);
  if (name === 'hs_object_id') return record.id;
  return record.properties[name];
}

/** Dates compare as epoch ms (HubSpot takes ms or ISO in filters), anything else as text. */
function comparable(value: string): number | string {
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? value : date;
}

function matches(state: HubspotState, record: HsObject, filter: Filter): boolean {
  const index = PHONE_INDEX[filter.propertyName as keyof typeof PHONE_INDEX];
  const actual = index
    ? (state.searchableDigits(record.properties[index]) ?? undefined)
    : propertyValue(record, filter.propertyName);
  const wanted = filter.value ?? '';
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return actual !== undefined && actual !== '';
    case 'NOT_HAS_PROPERTY':
      return actual === undefined || actual === '';
    case 'IN':
      return actual !== undefined && (filter.values ?? []).includes(actual);
    case 'EQ':
      return actual !== undefined && actual.toLowerCase() === wanted.toLowerCase();
    case 'NEQ':
      return actual === undefined || actual.toLowerCase() !== wanted.toLowerCase();
  }
  if (actual === undefined) return false;
  const [a, b] = [comparable(actual), comparable(wanted)];
  switch (filter.operator) {
    case 'GT':
      return a > b;
    case 'GTE':
      return a >= b;
    case 'LT':
      return a < b;
    case 'LTE':
      return a <= b;
    default:
      return false;
  }
}

/** Candidates: the phone index when a group is one EQ on it (as HubSpot's index would), else every record. */
function candidates(
  state: HubspotState,
  type: ObjectType,
  groups: Array<{ filters: Filter[] }>,
): Iterable<HsObject> {
  const byPhone = groups.every(
    (group) =>
      group.filters.length === 1 &&
      group.filters[0]?.operator === 'EQ' &&
      group.filters[0].propertyName in PHONE_INDEX,
  );
  if (type !== 'contacts' || !byPhone || groups.length === 0) return state.objects[type].values();
  const ids = new Set<string>();
  for (const group of groups) {
    const filter = group.filters[0];
    if (!filter) continue;
    const field = PHONE_INDEX[filter.propertyName as keyof typeof PHONE_INDEX];
    for (const id of state.phoneIndex[field].get(filter.value ?? '') ?? []) ids.add(id);
  }
  return [...ids].flatMap((id) => state.objects.contacts.get(id) ?? []);
}

/** `POST /crm/v3/objects/{type}/search`: groups ORed, filters ANDed, one sort, offset paging capped at 10,000. */
export function search(state: HubspotState, type: ObjectType, request: EmuRequest): EmuResponse {
  const body = SearchBody.parse(request.json);
  const filterCount = body.filterGroups.reduce((n, group) => n + group.filters.length, 0);
  if (body.filterGroups.length > MAX_GROUPS || filterCount > MAX_FILTERS) {
    return hubspotError(400, 'VALIDATION_ERROR', 'Too many filter groups or filters.');
  }
  if (body.limit > MAX_LIMIT)
    return hubspotError(400, 'VALIDATION_ERROR', `limit must be at most ${MAX_LIMIT}`);
  if (body.sorts.length > 1) return hubspotError(400, 'VALIDATION_ERROR', 'Only one sort is allowed.');
  const after = Number(body.after || '0');
  if (!Number.isInteger(after) || after < 0 || after + body.limit > MAX_RESULTS) {
    return hubspotError(
      400,
      'VALIDATION_ERROR',
      `Search results are capped at ${MAX_RESULTS}; narrow the filters.`,
    );
  }
  const found = [...candidates(state, type, body.filterGroups)].filter(
    (record) =>
      !record.archived &&
      (body.filterGroups.length === 0 ||
        body.filterGroups.some((group) => group.filters.every((filter) => matches(state, record, filter)))),
  );
  const [sort] = body.sorts;
  const sign = sort?.direction === 'DESCENDING' ? -1 : 1;
  found.sort((x, y) => {
    if (!sort) return Number(x.id) - Number(y.id);
    const [a, b] = [
      comparable(propertyValue(x, sort.propertyName) ?? ''),
      comparable(propertyValue(y, sort.propertyName) ?? ''),
    ];
    return a < b ? -sign : a > b ? sign : 0;
  });
  const page = found.slice(after, after + body.limit);
  const next = after + page.length;
  return {
    status: 200,
    body: {
      total: found.length,
      results: page.map((record) => publicObject(type, record, body.properties)),
      ...(next < found.length ? { paging: { next: { after: String(next), link: `?after=${next}` } } } : {}),
    },
  };
}
