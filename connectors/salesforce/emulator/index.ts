import type { FixturePerson } from '../../core/conformance/fixtures.ts';
import type {
  ConformanceEmulator,
  HeldCallLog,
  HeldNote,
  HeldPerson,
} from '../../core/conformance/harness.ts';
import type { RecordRef } from '../../core/connector.ts';
import type { OAuthApp } from '../../core/setup.ts';
import {
  type EmuRequest,
  type EmuResponse,
  type RunningEmulator,
  startEmulatorServer,
} from '../../testing/emulator-server.ts';
import { DEFAULT_API_VERSION, type SalesforceConfig } from '../config.ts';
import { splitName } from '../map.ts';
import { Sessions } from './auth.ts';
import { createRest } from './rest.ts';
import { OrgState, type SObject } from './state.ts';

export interface SalesforceEmulator extends ConformanceEmulator {
  config(): SalesforceConfig;
  oauthApp: OAuthApp;
  /** The org's sessions time out; refresh tokens keep working. */
  expireSessions(): void;
  /** A record as the org holds it, with the `Sforce-Call-Options` client of its last write. */
  record(id: string): SObject | undefined;
}

export interface SalesforceEmulatorOptions {
  port?: number;
  latencyMs?: number;
  /** Enforces the org's daily API allocation with REQUEST_LIMIT_EXCEEDED (403); default true. */
  enforceLimit?: boolean;
  /** Requests per rolling 24 h: Enterprise Edition's base is 100,000 (app-limits cheatsheet). */
  dailyLimit?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Salesforce's bodies for the shell's faults (api_rest guide, "Status Codes and Error Responses"). */
function errorResponse(status: number, retryAfterSeconds?: number): EmuResponse {
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  const [errorCode, message] =
    status === 429
      ? ['REQUEST_LIMIT_EXCEEDED', 'Too many requests; slow down.']
      : status === 503
        ? ['SERVER_UNAVAILABLE', 'Server temporarily unavailable.']
        : status >= 500
          ? [
              'UNKNOWN_EXCEPTION',
              'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567-890 (-1)',
            ]
          : ['BAD_REQUEST', 'The request could not be understood.'];
  return { status, headers, body: [{ message, errorCode }] };
}

export async function startSalesforceEmulator(
  options: SalesforceEmulatorOptions = {},
): Promise<SalesforceEmulator> {
  let running: RunningEmulator | undefined;
  let sessions: Sessions | undefined;
  let rest: ((request: EmuRequest, path: string) => EmuResponse) | undefined;
  const dailyLimit = options.dailyLimit ?? 100_000;
  let usage = { start: Date.now(), used: 0 };

  const violation = (request: EmuRequest, errors: string[]) =>
    running?.violations.push({
      spec: 'salesforce',
      what: 'request',
      method: request.method,
      path: request.path,
      errors,
    });

  function handle(request: EmuRequest): EmuResponse {
    if (!sessions || !rest)
      return { status: 503, body: [{ message: 'starting', errorCode: 'SERVER_UNAVAILABLE' }] };
    const { path, method } = request;
    if (path === '/services/oauth2/authorize' && method === 'GET') return sessions.authorize(request);
    if (path === '/services/oauth2/token' && method === 'POST') return sessions.token(request);
    const unauthorized: EmuResponse = {
      status: 401,
      body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
    };
    if (path === `/id/${sessions.orgId}/${sessions.userId}` && method === 'GET') {
      if (!sessions.isValid(request))
        return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Bad_OAuth_Token' };
      return { status: 200, body: identity(sessions) };
    }
    if (path === '/services/oauth2/userinfo' && method === 'GET') {
      return sessions.isValid(request) ? { status: 200, body: identity(sessions) } : unauthorized;
    }
    const data = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
    if (!data) {
      violation(request, ['no such endpoint']);
      return {
        status: 404,
        body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }],
      };
    }
    if (data[1] !== DEFAULT_API_VERSION)
      violation(request, [`API version ${data[1]}, expected ${DEFAULT_API_VERSION}`]);
    if (!sessions.isValid(request)) return unauthorized;
    if (Date.now() - usage.start >= DAY_MS) usage = { start: Date.now(), used: 0 };
    usage.used++;
    const limitInfo = { 'sforce-limit-info': `api-usage=${usage.used}/${dailyLimit}` };
    if ((options.enforceLimit ?? true) && usage.used > dailyLimit) {
      return {
        status: 403,
        headers: limitInfo,
        body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
      };
    }
    const answer = rest(request, data[2] ?? '');
    return { ...answer, headers: { ...answer.headers, ...limitInfo } };
  }

  running = await startEmulatorServer({
    name: 'salesforce',
    handle,
    errorResponse,
    ...(options.port ? { port: options.port } : {}),
  });
  if (options.latencyMs) running.faults.baseLatency(options.latencyMs);
  const url = running.url;
  const state = new OrgState(url);
  const orgId = state.insert('Organization', { Name: 'Parley Emulator Org', DefaultLocaleSidKey: 'fr_FR' });
  const userId = state.insert('User', {
    Name: 'Ada Admin',
    Email: 'ada@parley.example',
    IsActive: true,
    Username: 'ada@parley.example',
  });
  state.insert('User', {
    Name: 'Rémi Rep',
    Email: 'rep@parley.example',
    IsActive: true,
    Username: 'rep@parley.example',
  });
  state.insert('User', {
    Name: 'Old Timer',
    Email: 'gone@parley.example',
    IsActive: false,
    Username: 'gone@parley.example',
  });
  const org = new Sessions(url, orgId, userId);
  sessions = org;
  rest = createRest({
    state,
    usage: () => ({ max: dailyLimit, used: usage.used }),
    apiVersion: DEFAULT_API_VERSION,
    identityUrl: org.identityUrl(),
    violation,
  });
  const server = running;

  const text = (record: SObject, field: string) => {
    const value = record.fields[field];
    return typeof value === 'string' ? value : '';
  };

  return {
    running: server,
    oauthApp: org.app,
    config() {
      // A fresh grant each time, as a new OAuth consent gives: reconnecting after a revocation works.
      const grant = org.issue();
      return {
        instanceUrl: url,
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        loginUrl: url,
        clientId: org.app.clientId,
        clientSecret: org.app.clientSecret,
        apiVersion: DEFAULT_API_VERSION,
        defaultCountry: 'FR',
        orgId,
        userId,
      };
    },
    async seed(people: readonly FixturePerson[]): Promise<RecordRef[]> {
      return people.map((person) => {
        const [phone, mobile] = person.phones;
        const common = {
          ...splitName(person.name),
          Email: person.emails[0] ?? null,
          Phone: phone ?? null,
          MobilePhone: mobile ?? null,
        };
        if (person.kind === 'lead') {
          // Company is required on Lead; Salesforce's own placeholder for "none" is this.
          const id = state.insert('Lead', { ...common, Company: person.company ?? '[not provided]' });
          return { crm: 'salesforce', objectType: 'Lead', id };
        }
        const accountId = person.company ? state.insert('Account', { Name: person.company }) : null;
        const id = state.insert('Contact', { ...common, AccountId: accountId });
        return { crm: 'salesforce', objectType: 'Contact', id };
      });
    },
    callLogs(): HeldCallLog[] {
      return [...state.of('Task')]
        .filter((task) => !task.deleted && text(task, 'Parley_Call_Id__c'))
        .map((task) => ({
          id: task.id,
          parleyCallId: text(task, 'Parley_Call_Id__c'),
          contactIds: text(task, 'WhoId') ? [text(task, 'WhoId')] : [],
          durationSeconds: Number(task.fields.CallDurationInSeconds ?? 0),
          text: ['Subject', 'Description', 'CallDisposition', 'Parley_Summary__c', 'Parley_Recording_Url__c']
            .map((field) => text(task, field))
            .join('\n'),
        }));
    },
    notes(): HeldNote[] {
      return [...state.of('Note')]
        .filter((note) => !note.deleted)
        .map((note) => ({ id: note.id, targetId: text(note, 'ParentId'), body: text(note, 'Body') }));
    },
    person(id: string): HeldPerson | undefined {
      const record = state.get(id);
      if (!record || record.deleted || (record.type !== 'Contact' && record.type !== 'Lead'))
        return undefined;
      const phones = ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone', 'AssistantPhone']
        .map((field) => text(record, field))
        .filter(Boolean);
      return { id, name: String(state.value(record, 'Name')), phones };
    },
    touch: (id, name) => state.touch(id, splitName(name)),
    remove: (id) => state.remove(id),
    revokeAccess: () => org.revokeAll(),
    expireSessions: () => org.expireSessions(),
    record: (id) => state.get(id),
    close: () => server.close(),
  };
}

function identity(sessions: Sessions) {
  return {
    id: sessions.identityUrl(),
    asserted_user: true,
    user_id: sessions.userId,
    organization_id: sessions.orgId,
    username: 'ada@parley.example',
    nick_name: 'ada',
    display_name: 'Ada Admin',
    email: 'ada@parley.example',
    active: true,
    user_type: 'STANDARD',
    language: 'fr',
    locale: 'fr_FR',
    utcOffset: 3_600_000,
  };
}
