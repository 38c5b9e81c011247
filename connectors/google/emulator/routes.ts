import { z } from 'zod';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import type { SpecViolation } from '../../testing/openapi-check.ts';
import { expiredSyncToken, googleError, personJson } from './answers.ts';
import type { TokenStore } from './oauth.ts';
import type { GoogleState } from './state.ts';

/** "Sync tokens expire 7 days after the full sync" (people.connections.list reference). */
export const SYNC_TOKEN_TTL_MS = 7 * 24 * 3_600_000;

/** `personFields` paths the reference lists for people.get and people.connections.list. */
const PERSON_FIELDS = new Set([
  'addresses',
  'ageRanges',
  'biographies',
  'birthdays',
  'calendarUrls',
  'clientData',
  'coverPhotos',
  'emailAddresses',
  'events',
  'externalIds',
  'genders',
  'imClients',
  'interests',
  'locales',
  'locations',
  'memberships',
  'metadata',
  'miscKeywords',
  'names',
  'nicknames',
  'occupations',
  'organizations',
  'phoneNumbers',
  'photos',
  'relations',
  'sipAddresses',
  'skills',
  'urls',
  'userDefined',
]);

const PersonFields = z
  .string({ error: 'personFields mask is required. Please specify one or more valid paths.' })
  .superRefine((mask, context) => {
    for (const path of mask.split(',')) {
      if (!PERSON_FIELDS.has(path.trim())) {
        context.addIssue({
          code: 'custom',
          message: `Invalid personFields mask path: "${path}". Valid paths are documented at https://developers.google.com/people/api/rest/v1/people/get.`,
        });
      }
    }
  });

const Bool = z.enum(['true', 'false']);

/** The system parameters every Google API method takes (discovery document `parameters`). */
const STANDARD = {
  '$.xgafv': z.enum(['1', '2']).optional(),
  access_token: z.string().optional(),
  alt: z.enum(['json', 'media', 'proto']).optional(),
  callback: z.string().optional(),
  fields: z.string().optional(),
  key: z.string().optional(),
  oauth_token: z.string().optional(),
  prettyPrint: Bool.optional(),
  quotaUser: z.string().optional(),
  uploadType: z.string().optional(),
  upload_protocol: z.string().optional(),
};

const GetQuery = z.strictObject({
  ...STANDARD,
  personFields: PersonFields,
  'requestMask.includeField': z.string().optional(),
  sources: z
    .array(
      z.enum(['READ_SOURCE_TYPE_PROFILE', 'READ_SOURCE_TYPE_CONTACT', 'READ_SOURCE_TYPE_DOMAIN_CONTACT']),
    )
    .optional(),
});

const ListQuery = z.strictObject({
  ...STANDARD,
  /** "Valid values are between 1 and 1000, inclusive. Defaults to 100 if not set or set to 0." */
  pageSize: z.coerce.number().int().min(0).max(1000).optional(),
  pageToken: z.string().optional(),
  personFields: PersonFields,
  'requestMask.includeField': z.string().optional(),
  requestSyncToken: Bool.optional(),
  sortOrder: z
    .enum([
      'LAST_MODIFIED_ASCENDING',
      'LAST_MODIFIED_DESCENDING',
      'FIRST_NAME_ASCENDING',
      'LAST_NAME_ASCENDING',
    ])
    .optional(),
  sources: z.array(z.enum(['READ_SOURCE_TYPE_CONTACT', 'READ_SOURCE_TYPE_PROFILE'])).optional(),
  syncToken: z.string().optional(),
});

const SyncToken = z.strictObject({ seq: z.number().int(), base: z.number(), epoch: z.number().int() });
type SyncToken = z.infer<typeof SyncToken>;
const PageToken = z.strictObject({
  at: z.number().int().min(0),
  fields: z.string(),
  size: z.number().int(),
  /** The syncToken of the pass's first call: every page must repeat it. */
  syncToken: z.string().nullable(),
  base: z.number(),
});

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decode<T>(schema: z.ZodType<T>, token: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface RouteContext {
  state: GoogleState;
  tokens: TokenStore;
  now: () => number;
  /** Tokens of an older epoch are expired: `expireSyncTokens()` bumps it. */
  syncEpoch: () => number;
  violations: () => SpecViolation[];
}

const OAUTH_PATHS = new Set(['/o/oauth2/v2/auth', '/token']);
export const isOAuth = (request: EmuRequest) => OAUTH_PATHS.has(request.path);

const invalid = (message: string) => googleError(400, 'INVALID_ARGUMENT', message);

export function createRouter(context: RouteContext) {
  const { state, tokens, now } = context;

  /** The query as the reference allows it, else Google's 400, recorded as a violation of the reference. */
  function parse<T>(schema: z.ZodType<T>, request: EmuRequest): T | EmuResponse {
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(request.query.keys())) {
      const values = request.query.getAll(key);
      raw[key] = key === 'sources' ? values : (values[0] ?? '');
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `Invalid JSON payload received. Unknown name "${issue.keys.join('", "')}": Cannot bind query parameter.`
        : `${issue.path.join('.')}: ${issue.message}`,
    );
    context.violations().push({
      spec: 'google-people-v1',
      what: 'request',
      method: request.method,
      path: request.path,
      errors,
    });
    return invalid(errors.join(' '));
  }

  const isAnswer = (value: unknown): value is EmuResponse =>
    typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';

  function expired(token: SyncToken): boolean {
    return token.epoch < context.syncEpoch() || now() - token.base > SYNC_TOKEN_TTL_MS;
  }

  function list(request: EmuRequest): EmuResponse {
    const query = parse(ListQuery, request);
    if (isAnswer(query)) return query;
    const size = query.pageSize || 100;
    let page: z.infer<typeof PageToken>;
    if (query.pageToken) {
      const decoded = decode(PageToken, query.pageToken);
      const same =
        decoded?.fields === query.personFields &&
        decoded.size === size &&
        decoded.syncToken === (query.syncToken ?? null);
      if (!decoded || !same) return invalid('Request contains an invalid argument.');
      page = decoded;
    } else {
      page = { at: 0, fields: query.personFields, size, syncToken: query.syncToken ?? null, base: now() };
    }
    const sync = page.syncToken === null ? null : decode(SyncToken, page.syncToken);
    if (page.syncToken !== null && !sync) return invalid('Request contains an invalid argument.');
    if (sync && expired(sync)) return expiredSyncToken();
    if (sync && !query.pageToken) page = { ...page, at: state.indexAfter(sync.seq), base: sync.base };
    const fields = new Set(query.personFields.split(',').map((path) => path.trim()));
    const connections: Array<Record<string, unknown>> = [];
    let at = page.at;
    for (; at < state.logLength && connections.length < size; at++) {
      const contact = state.at(at);
      // A full pass lists the living; an incremental one also reports deletions.
      if (contact && (sync || !contact.deleted)) connections.push(personJson(contact, fields));
    }
    const more = at < state.logLength;
    const body: Record<string, unknown> = {};
    if (connections.length > 0) body.connections = connections;
    if (more) body.nextPageToken = encode({ ...page, at });
    else if (query.requestSyncToken === 'true') {
      body.nextSyncToken = encode({ seq: state.head, base: page.base, epoch: context.syncEpoch() });
    }
    body.totalPeople = state.contacts.size;
    body.totalItems = state.contacts.size;
    return { status: 200, body };
  }

  function me(request: EmuRequest): EmuResponse {
    const query = parse(GetQuery, request);
    if (isAnswer(query)) return query;
    const fields = new Set(query.personFields.split(','));
    const { user } = state;
    return {
      status: 200,
      body: {
        resourceName: user.resourceName,
        etag: '%EgUBAi43PRoEAQIFByIMSmpxc2xPR0hLT0E9',
        ...(fields.has('names') ? { names: [{ displayName: user.name, metadata: { primary: true } }] } : {}),
        ...(fields.has('emailAddresses')
          ? { emailAddresses: [{ value: user.email, metadata: { primary: true } }] }
          : {}),
      },
    };
  }

  return function handle(request: EmuRequest): EmuResponse {
    const { method, path } = request;
    if (path === '/o/oauth2/v2/auth' && method === 'GET') return tokens.authorize(request);
    if (path === '/token' && method === 'POST') return tokens.token(request);
    const refused = tokens.check(request);
    if (refused) return refused;
    if (path === '/v1/people/me' && method === 'GET') return me(request);
    if (path === '/v1/people/me/connections' && method === 'GET') return list(request);
    context
      .violations()
      .push({ spec: 'google-people-v1', what: 'unknown-operation', method, path, errors: ['not served'] });
    return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
  };
}
