import { randomBytes, randomUUID } from 'node:crypto';
import type { FixturePerson } from '../../core/conformance/fixtures.ts';
import type {
  ConformanceEmulator,
  HeldCallLog,
  HeldNote,
  HeldPerson,
} from '../../core/conformance/harness.ts';
import type { RecordRef } from '../../core/connector.ts';
import type { OAuthApp } from '../../core/setup.ts';
import type { WebhookRequest } from '../../core/webhook.ts';
import { type EmuRequest, type EmuResponse, startEmulatorServer } from '../../testing/emulator-server.ts';
import type { AttioConfig } from '../config.ts';
import { CALLS_OBJECT, personalName } from '../map.ts';
import { attioSignature } from '../webhook.ts';
import { recording } from './recordings.ts';
import { createRecord, updateRecord } from './records.ts';
import { attioError, route } from './routes.ts';
import { attioSpecCheck } from './spec.ts';
import { AttioState, type StoredRecord } from './state.ts';
import { renderRecord } from './values.ts';

export interface AttioEmulator extends ConformanceEmulator {
  state: AttioState;
  config(): AttioConfig;
  oauthApp: OAuthApp;
  webhookSecret: string;
  webhook(
    url: string,
    changes: Array<{ personId: string; change: 'created' | 'updated' | 'deleted' }>,
  ): WebhookRequest;
}

const WORKSPACE_COUNTRY = 'FR';

const RATE_LIMITED = recording('rate-limited');
const UNAUTHORIZED = recording('unauthorized');

/** Attio's own answers to faults and limits; its 429 carries `Retry-After` as an HTTP date. */
function errorResponse(status: number, retryAfterSeconds?: number): EmuResponse {
  if (status === 429) {
    const at = new Date(Date.now() + (retryAfterSeconds ?? 1) * 1000);
    return { status, body: RATE_LIMITED.body, headers: { 'retry-after': at.toUTCString() } };
  }
  if (status === 401) return { status, body: UNAUTHORIZED.body };
  if (status === 400)
    return attioError(400, 'invalid_request_error', 'validation_type', 'Request is not valid.');
  return attioError(status, 'api_error', 'internal_server_error', 'An internal server error occurred.');
}

const WRITES = new Set(['PUT', 'PATCH', 'DELETE']);
const isWrite = (request: EmuRequest) =>
  WRITES.has(request.method) || (request.method === 'POST' && !request.path.endsWith('/query'));

export async function startAttioEmulator(
  options: { port?: number; latencyMs?: number; enforceLimit?: boolean } = {},
): Promise<AttioEmulator> {
  const state = new AttioState();
  const oauthApp: OAuthApp = {
    clientId: randomUUID(),
    clientSecret: randomBytes(16).toString('hex'),
    authBaseUrl: '',
  };
  const codes = new Map<string, string>();
  const webhookSecret = randomBytes(24).toString('hex');
  let base = '';
  let reads = 0;

  function bearer(request: EmuRequest): string | null {
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    return match?.[1] && state.tokens.has(match[1]) ? match[1] : null;
  }

  function self(request: EmuRequest): EmuResponse {
    const token = bearer(request);
    if (!token) return { status: 200, body: { active: false } };
    return {
      status: 200,
      body: {
        active: true,
        scope:
          'record_permission:read-write object_configuration:read-write note:read-write user_management:read',
        client_id: oauthApp.clientId,
        token_type: 'Bearer',
        exp: null,
        iat: 1_767_225_600,
        sub: state.workspaceId,
        aud: oauthApp.clientId,
        iss: 'attio.com',
        authorized_by_workspace_member_id: state.tokens.get(token),
        workspace_id: state.workspaceId,
        workspace_name: state.workspaceName,
        workspace_slug: state.workspaceSlug,
        workspace_logo_url: null,
      },
    };
  }

  function oauth(request: EmuRequest): EmuResponse {
    if (request.path === '/authorize') {
      const redirect = new URL(request.query.get('redirect_uri') ?? '');
      if (request.query.get('client_id') !== oauthApp.clientId)
        return { status: 400, body: 'unknown client' };
      const code = randomBytes(12).toString('hex');
      codes.set(code, redirect.href);
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('state', request.query.get('state') ?? '');
      return { status: 302, headers: { location: redirect.href } };
    }
    const form = new URLSearchParams(request.rawBody);
    const code = form.get('code') ?? '';
    if (
      form.get('grant_type') !== 'authorization_code' ||
      form.get('client_id') !== oauthApp.clientId ||
      form.get('client_secret') !== oauthApp.clientSecret ||
      codes.get(code) !== form.get('redirect_uri')
    ) {
      return { status: 400, body: { error: 'invalid_grant' } };
    }
    codes.delete(code);
    const token = `attio_${randomBytes(16).toString('hex')}`;
    state.tokens.set(token, state.members[0]?.id ?? '');
    return { status: 200, body: { access_token: token, token_type: 'Bearer' } };
  }

  const running = await startEmulatorServer({
    name: 'attio',
    spec: await attioSpecCheck(),
    errorResponse,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.enforceLimit === false
      ? {}
      : {
          limit: {
            // 25 writes a second; reads share four windows of 25, which is Attio's 100 reads a second.
            requests: 25,
            windowMs: 1_000,
            keyOf: (request: EmuRequest) => (isWrite(request) ? 'write' : `read-${reads++ % 4}`),
          },
        }),
    outsideSpec: (request) => !request.path.startsWith('/v2/'),
    handle(request) {
      if (request.path === '/authorize' || request.path === '/oauth/token') return oauth(request);
      if (!request.path.startsWith('/v2/')) {
        return {
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: `<h1>Attio record ${request.path}</h1>`,
        };
      }
      if (request.path === '/v2/self') return self(request);
      if (!bearer(request)) return errorResponse(401);
      return route(state, request, base);
    },
  });
  base = running.url;
  oauthApp.authBaseUrl = running.url;
  if (options.latencyMs) running.faults.baseLatency(options.latencyMs);

  const people = () => state.objects.get('people');
  const seedActor = { type: 'workspace-member' as const, id: state.members[0]?.id ?? '' };
  const refOf = (record: StoredRecord): RecordRef => {
    const rendered = renderRecord(state, record, base);
    return { crm: 'attio', objectType: 'people', id: record.id, url: rendered.web_url };
  };
  const texts = (record: StoredRecord, slug: string) =>
    (record.values.get(slug) ?? []).flatMap((value) =>
      typeof value.value === 'string' ? [value.value] : [],
    );

  return {
    running,
    state,
    oauthApp,
    webhookSecret,
    config() {
      // Each configuration carries a token of its own, as a fresh install would: reconnecting after
      // a revocation works with the new one while the revoked one stays refused.
      const token = `attio_${randomBytes(16).toString('hex')}`;
      state.tokens.set(token, state.members[0]?.id ?? '');
      return {
        apiBaseUrl: running.url,
        appBaseUrl: running.url,
        accessToken: token,
        workspaceId: state.workspaceId,
        workspaceSlug: state.workspaceSlug,
        defaultCountry: WORKSPACE_COUNTRY,
      };
    },
    async seed(fixtures: readonly FixturePerson[]) {
      const object = people();
      const companies = state.objects.get('companies');
      if (!object || !companies) throw new Error('people and companies are standard objects');
      return fixtures.map((fixture) => {
        let company: StoredRecord | undefined;
        if (fixture.company) {
          company = [...companies.records.values()].find(
            (c) => c.values.get('name')?.[0]?.value === fixture.company,
          );
          company ??= createRecord(state, companies, { name: [fixture.company] }, seedActor);
        }
        const record = createRecord(
          state,
          object,
          {
            name: [personalName(fixture.name)],
            email_addresses: fixture.emails,
            // Stored as typed; national forms are read in the workspace's country, as Attio's UI does.
            phone_numbers: fixture.phones.map((phone) => ({
              original_phone_number: phone,
              country_code: phone.trim().startsWith('+') ? null : WORKSPACE_COUNTRY,
            })),
            ...(company ? { company: [{ target_object: 'companies', target_record_id: company.id }] } : {}),
          },
          seedActor,
        );
        return refOf(record);
      });
    },
    callLogs(): HeldCallLog[] {
      const calls = state.objects.get(CALLS_OBJECT);
      return [...(calls?.records.values() ?? [])].map((record) => ({
        id: record.id,
        parleyCallId: texts(record, 'call_id')[0] ?? '',
        contactIds: (record.values.get('person') ?? []).flatMap((value) =>
          typeof value.target_record_id === 'string' ? [value.target_record_id] : [],
        ),
        durationSeconds: Number(record.values.get('duration_seconds')?.[0]?.value ?? 0),
        text: ['notes', 'summary', 'transcript', 'disposition']
          .flatMap((slug) => texts(record, slug))
          .join('\n'),
      }));
    },
    notes(): HeldNote[] {
      return [...state.notes.values()].map((note) => ({
        id: note.id,
        targetId: note.parentRecordId,
        body: note.content,
      }));
    },
    person(id: string): HeldPerson | undefined {
      const record = people()?.records.get(id);
      if (!record) return undefined;
      const name = record.values.get('name')?.[0];
      return {
        id,
        name: typeof name?.full_name === 'string' ? name.full_name : '',
        phones: (record.values.get('phone_numbers') ?? []).flatMap((value) =>
          typeof value.original_phone_number === 'string' ? [value.original_phone_number] : [],
        ),
      };
    },
    touch(id: string, name: string) {
      const object = people();
      const record = object?.records.get(id);
      if (!object || !record) throw new Error(`no person ${id}`);
      updateRecord(state, object, record, { name: [personalName(name)] }, seedActor);
    },
    remove(id: string) {
      state.deleteRecord(id);
    },
    revokeAccess() {
      state.tokens.clear();
    },
    webhook(url, changes) {
      const object = people();
      const rawBody = JSON.stringify({
        webhook_id: randomUUID(),
        events: changes.map(({ personId, change }) => ({
          event_type: `record.${change}`,
          id: { workspace_id: state.workspaceId, object_id: object?.id ?? '', record_id: personId },
          actor: { type: 'workspace-member', id: state.members[0]?.id ?? '' },
        })),
      });
      const signature = attioSignature(rawBody, webhookSecret);
      return {
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          'attio-signature': signature,
          'x-attio-signature': signature,
          'idempotency-key': randomUUID(),
        },
        rawBody,
      };
    },
    close: () => running.close(),
  };
}
