import { z } from 'zod';
import {
  loadSpecCheck,
  type SpecCheck,
  type SpecRequest,
  type SpecViolation,
} from '../../testing/openapi-check.ts';

export const HUBSPOT_SPECS = [
  'hubspot/calls-v3.json',
  'hubspot/contacts-v3.json',
  'hubspot/notes-v3.json',
  'hubspot/associations-v4.json',
  'hubspot/owners-v3.json',
  'hubspot/properties-v3.json',
  'hubspot/oauth-v1.json',
  'hubspot/calling-extensions-v3.json',
];

const SEARCH_PATH = /^\/crm\/v3\/objects\/[^/]+\/search$/;
const Sort = z.strictObject({
  propertyName: z.string().min(1),
  direction: z.enum(['ASCENDING', 'DESCENDING']),
});
const WithSorts = z.looseObject({ sorts: z.array(z.unknown()) });

/**
 * The published specs type search `sorts` as `string[]`, but HubSpot sorts only on objects
 * `{propertyName, direction}` and ignores strings (HubSpot/hubspot-api-nodejs#9 and #559,
 * hubspot-api-python#236, hubspot-api-ruby#257). Sorts are checked here against the real shape;
 * the rest of the body still goes through the spec, with each sort as its property name.
 */
export function withSearchSortErratum(check: SpecCheck): SpecCheck {
  function split(request: SpecRequest): { request: SpecRequest; problems: SpecViolation[] } {
    const body = WithSorts.safeParse(request.body);
    if (request.method !== 'POST' || !SEARCH_PATH.test(request.path) || !body.success) {
      return { request, problems: [] };
    }
    const errors: string[] = [];
    const names = body.data.sorts.map((sort, i) => {
      const parsed = Sort.safeParse(sort);
      if (!parsed.success)
        errors.push(`/sorts/${i} must be {propertyName, direction}: ${parsed.error.message}`);
      return parsed.success ? parsed.data.propertyName : '';
    });
    const problems: SpecViolation[] =
      errors.length > 0
        ? [
            {
              spec: 'search sorts erratum',
              what: 'request',
              method: request.method,
              path: request.path,
              errors,
            },
          ]
        : [];
    return { request: { ...request, body: { ...body.data, sorts: names } }, problems };
  }
  return {
    operationFor: (request) => check.operationFor(request),
    checkRequest(request) {
      const { request: checked, problems } = split(request);
      return [...problems, ...check.checkRequest(checked)];
    },
    checkResponse: (request, status, body) => check.checkResponse(split(request).request, status, body),
  };
}

export async function loadHubspotSpecCheck(): Promise<SpecCheck> {
  return withSearchSortErratum(await loadSpecCheck(HUBSPOT_SPECS));
}
