import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { hubspotError, rateLimited } from './answers.ts';
import { recordingReady } from './calling.ts';
import type { TokenStore } from './oauth.ts';
import { batchArchive, batchAssociate, batchUpsert, getObject, patchObject } from './objects.ts';
import { createGroup, createProperty, getProperty } from './properties.ts';
import { search } from './search.ts';
import { type HubspotState, isObjectType } from './state.ts';

/** The documented search limit: 5 requests per second per portal. */
const SEARCH_PER_SECOND = 5;

export interface RouteContext {
  state: HubspotState;
  tokens: TokenStore;
  now: () => number;
  enforceLimit: boolean;
}

/** Requests the published specs do not describe but HubSpot serves. */
export function isOutsideSpec(request: EmuRequest): boolean {
  return (
    request.path === '/oauth/authorize' ||
    request.path === '/calling/v1/dispositions' ||
    request.path.startsWith('/contacts/')
  );
}

export function isSearch(request: EmuRequest): boolean {
  return request.method === 'POST' && /^\/crm\/v3\/objects\/[^/]+\/search$/.test(request.path);
}

export function createRouter(context: RouteContext) {
  const { state, tokens, now } = context;
  let searchWindow = { start: 0, used: 0 };

  function searchBudget(): EmuResponse | null {
    if (!context.enforceLimit) return null;
    const at = now();
    if (at - searchWindow.start >= 1000) searchWindow = { start: at, used: 0 };
    searchWindow.used++;
    return searchWindow.used > SEARCH_PER_SECOND ? rateLimited('SECONDLY', 1) : null;
  }

  return function handle(request: EmuRequest): EmuResponse {
    const { method, path } = request;
    if (path === '/oauth/authorize' && method === 'GET') return tokens.authorize(request);
    if (path === '/oauth/v1/token' && method === 'POST') return tokens.token(request);
    const tokenInfo = /^\/oauth\/v1\/access-tokens\/([^/]+)$/.exec(path);
    if (tokenInfo?.[1] && method === 'GET') return tokens.describe(decodeURIComponent(tokenInfo[1]));
    const record = /^\/contacts\/(\d+)\/record\/([\d-]+)\/(\d+)$/.exec(path);
    if (record && method === 'GET') {
      return { status: 200, headers: { 'content-type': 'text/html' }, body: `<h1>Record ${record[3]}</h1>` };
    }

    const refused = tokens.check(request);
    if (refused) return refused;

    if (path === '/calling/v1/dispositions' && method === 'GET')
      return { status: 200, body: state.dispositions };
    if (path === '/crm/v3/owners' && method === 'GET') return owners(state, request);

    const properties = /^\/crm\/v3\/properties\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    if (properties?.[1]) {
      const [, type, second] = properties;
      if (!isObjectType(type)) return hubspotError(400, 'VALIDATION_ERROR', `Unknown object type ${type}`);
      if (second === 'groups' && method === 'POST') return createGroup(state, type, request);
      if (!second && method === 'POST') return createProperty(state, type, request, now());
      if (second && method === 'GET') return getProperty(state, type, second);
    }

    const batch = /^\/crm\/v3\/objects\/([^/]+)\/batch\/(upsert|archive)$/.exec(path);
    if (batch?.[1] && method === 'POST') {
      const type = batch[1];
      if (!isObjectType(type)) return hubspotError(400, 'VALIDATION_ERROR', `Unknown object type ${type}`);
      return batch[2] === 'upsert'
        ? batchUpsert(state, type, request, now())
        : batchArchive(state, type, request, now());
    }

    const searchPath = /^\/crm\/v3\/objects\/([^/]+)\/search$/.exec(path);
    if (searchPath?.[1] && method === 'POST') {
      const type = searchPath[1];
      if (!isObjectType(type)) return hubspotError(400, 'VALIDATION_ERROR', `Unknown object type ${type}`);
      return searchBudget() ?? search(state, type, request);
    }

    const one = /^\/crm\/v3\/objects\/([^/]+)\/(\d+)$/.exec(path);
    if (one?.[1] && one[2]) {
      const [, type, id] = one;
      if (!isObjectType(type)) return hubspotError(400, 'VALIDATION_ERROR', `Unknown object type ${type}`);
      if (method === 'GET') {
        const names = request.query.get('properties')?.split(',').filter(Boolean);
        return getObject(state, type, id, names);
      }
      if (method === 'PATCH') return patchObject(state, type, id, request, now());
    }

    if (path === '/crm/v3/extensions/calling/recordings/ready' && method === 'POST')
      return recordingReady(state, request);

    const associate = /^\/crm\/v4\/associations\/([^/]+)\/([^/]+)\/batch\/create$/.exec(path);
    if (associate?.[1] && associate[2] && method === 'POST') {
      return batchAssociate(state, associate[1], associate[2], request, now());
    }

    return hubspotError(404, 'OBJECT_NOT_FOUND', `The emulator does not serve ${method} ${path}.`);
  };
}

function owners(state: HubspotState, request: EmuRequest): EmuResponse {
  const limit = Number(request.query.get('limit') ?? '100');
  const after = Number(request.query.get('after') ?? '0');
  const page = state.owners.slice(after, after + limit);
  const next = after + page.length;
  const at = new Date(0).toISOString();
  return {
    status: 200,
    body: {
      results: page.map((owner) => ({
        ...owner,
        type: 'PERSON',
        archived: false,
        createdAt: at,
        updatedAt: at,
        teams: [],
      })),
      ...(next < state.owners.length ? { paging: { next: { after: String(next) } } } : {}),
    },
  };
}
