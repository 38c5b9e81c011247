import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LiveCallsState, routeLiveCalls } from './live-calls.ts';
import {
  accountJson,
  availableListJson,
  callJson,
  errorJson,
  incomingNumberJson,
  notFound,
} from './shapes.ts';
import { loadTwilioSpec } from './spec.ts';
import {
  buyNumber,
  defaultInventory,
  type EmulatorFault,
  type EmulatorListing,
  type EmulatorState,
  searchInventory,
} from './state.ts';

/**
 * Twilio's REST API for phone numbers, served over HTTP so tests run the real `twilio` client against
 * it. Stateful (a bought number leaves the inventory), Basic-auth checked, and every request and
 * response is checked against Twilio's OpenAPI spec; tests assert `violations()` is empty.
 */
export interface TwilioEmulatorOptions {
  accountSid?: string;
  authToken?: string;
  inventory?: EmulatorListing[];
}

export interface TwilioEmulator {
  url: string;
  accountSid: string;
  authToken: string;
  state: EmulatorState;
  /** Recordings and conferences (retention and live listening). */
  live: LiveCallsState;
  violations(): string[];
  /** The next request fails with this Twilio error, after authentication. */
  failNext(fault: EmulatorFault): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: object;
}

const TYPES = { Local: 'local', Mobile: 'mobile', TollFree: 'toll_free' } as const;
const ACCOUNT = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/;
const AVAILABLE =
  /^\/2010-04-01\/Accounts\/([^/]+)\/AvailablePhoneNumbers\/([^/]+)\/(Local|Mobile|TollFree)\.json$/;
const INCOMING = /^\/2010-04-01\/Accounts\/([^/]+)\/IncomingPhoneNumbers\.json$/;
const CALLS = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\.json$/;
const CALL_ONE = /^\/2010-04-01\/Accounts\/([^/]+)\/Calls\/([^/]+)\.json$/;
const INCOMING_ONE = /^\/2010-04-01\/Accounts\/([^/]+)\/IncomingPhoneNumbers\/([^/]+)\.json$/;

export async function startTwilioEmulator(options: TwilioEmulatorOptions = {}): Promise<TwilioEmulator> {
  const spec = loadTwilioSpec();
  const recorded: string[] = [];
  const state: EmulatorState = {
    account: {
      sid: options.accountSid ?? `AC${randomBytes(16).toString('hex')}`,
      authToken: options.authToken ?? randomBytes(16).toString('hex'),
      friendlyName: 'Parley emulated account',
      status: 'active',
      dateCreated: new Date(),
    },
    inventory: options.inventory ?? defaultInventory(),
    owned: new Map(),
    calls: [],
    faults: [],
  };

  const live: LiveCallsState = { recordings: new Set(), conferences: [] };

  function route(method: string, path: string, query: URLSearchParams, form: URLSearchParams): Reply {
    const fault = state.faults.shift();
    if (fault) return failure(fault);
    const liveReply = routeLiveCalls(live, state.account.sid, { method, path, query, form });
    if (liveReply) return 'fault' in liveReply ? failure(liveReply.fault) : liveReply;

    const account = ACCOUNT.exec(path);
    if (method === 'GET' && account) {
      return account[1] === state.account.sid
        ? { status: 200, body: accountJson(state.account) }
        : failure(notFound(path));
    }
    const available = AVAILABLE.exec(path);
    if (method === 'GET' && available?.[2] && available[3]) {
      if (available[1] !== state.account.sid) return failure(notFound(path));
      const pageSize = Number(query.get('PageSize') ?? 50);
      const found = searchInventory(state, {
        country: available[2],
        type: TYPES[available[3] as keyof typeof TYPES],
        areaCode: query.get('AreaCode'),
        contains: query.get('Contains'),
        pageSize,
      });
      if (!found) return failure(notFound(path));
      return { status: 200, body: availableListJson(found, `${path}${queryString(query)}`, pageSize) };
    }
    const incoming = INCOMING.exec(path);
    if (method === 'POST' && incoming) {
      if (incoming[1] !== state.account.sid) return failure(notFound(path));
      const outcome = buyNumber(state, form, new Date());
      if ('error' in outcome) return failure(outcome.error);
      return { status: 201, body: incomingNumberJson(outcome.bought, state.account.sid) };
    }
    const calls = CALLS.exec(path);
    if (method === 'POST' && calls) {
      if (calls[1] !== state.account.sid) return failure(notFound(path));
      const to = form.get('To');
      const from = form.get('From');
      if (!to || !from || !(form.get('Url') || form.get('Twiml') || form.get('ApplicationSid')))
        return failure({
          status: 400,
          code: 21205,
          message: 'To, From and one of Url, Twiml or ApplicationSid are required',
        });
      const placed = {
        sid: `CA${randomBytes(16).toString('hex')}`,
        to,
        from,
        form: Object.fromEntries(form),
        at: new Date(),
      };
      state.calls.push(placed);
      return { status: 201, body: callJson(placed, state.account.sid) };
    }
    const callOne = CALL_ONE.exec(path);
    if (method === 'POST' && callOne) {
      const call = state.calls.find((c) => c.sid === callOne[2]);
      if (callOne[1] !== state.account.sid || !call) return failure(notFound(path));
      call.updates = [...(call.updates ?? []), Object.fromEntries(form)];
      return { status: 200, body: callJson(call, state.account.sid) };
    }
    const one = INCOMING_ONE.exec(path);
    if (method === 'DELETE' && one) {
      const released = one[1] === state.account.sid && one[2] !== undefined && state.owned.delete(one[2]);
      return released ? { status: 204 } : failure(notFound(path));
    }
    recorded.push(`the emulator does not serve ${method} ${path}`);
    return failure(notFound(path));
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    const isForm = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
    if (text && !isForm)
      recorded.push(`${method} ${url.pathname}: body is not form-encoded, as Twilio requires`);
    const form = new URLSearchParams(isForm ? text : '');
    recorded.push(...spec.checkRequest({ method, path: url.pathname, query: url.searchParams, form }));

    const reply = authenticated(request, state)
      ? route(method, url.pathname, url.searchParams, form)
      : failure({ status: 401, code: 20003, message: 'Authenticate' });
    recorded.push(
      ...spec.checkResponse({ method, path: url.pathname, status: reply.status, body: reply.body }),
    );

    if (reply.body === undefined) {
      response.writeHead(reply.status).end();
      return;
    }
    response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    accountSid: state.account.sid,
    authToken: state.account.authToken,
    state,
    live,
    violations: () => [...recorded],
    failNext: (fault) => {
      state.faults.push(fault);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function failure(fault: EmulatorFault): Reply {
  return { status: fault.status, body: errorJson(fault) };
}

function authenticated(request: IncomingMessage, state: EmulatorState): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const expected = `${state.account.sid}:${state.account.authToken}`;
  return Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8') === expected;
}

function queryString(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `?${text}` : '';
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
