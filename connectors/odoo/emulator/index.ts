import { randomBytes } from 'node:crypto';
import type { FixturePerson } from '../../core/conformance/fixtures.ts';
import type {
  ConformanceEmulator,
  HeldCallLog,
  HeldNote,
  HeldPerson,
} from '../../core/conformance/harness.ts';
import type { RecordRef } from '../../core/connector.ts';
import { type EmuRequest, type EmuResponse, startEmulatorServer } from '../../testing/emulator-server.ts';
import { ODOO_RATE } from '../client.ts';
import type { OdooConfig } from '../config.ts';
import { ExecuteKw } from './execute-kw.ts';
import { faults, OdooFault, proxyResponse } from './odoo-faults.ts';
import { OdooState } from './state.ts';
import { decodeCall, encodeFault, encodeResult, type MethodCall } from './xmlrpc-codec.ts';

export interface OdooEmulatorOptions {
  port?: number;
  latencyMs?: number;
  /** Odoo itself has no RPC limit; this enforces the connector's budget as Odoo.sh's proxy would (default true). */
  enforceLimit?: boolean;
  /** Parley's Odoo module (`parley.call`) installed; default true. */
  withParleyModule?: boolean;
  /** The `sms` module (auto-installed with mail) and its `phone_mobile_search`; default true. */
  withSmsModule?: boolean;
}

export interface HeldMessage {
  id: number;
  model: string;
  resId: number;
  body: string;
}

export interface OdooEmulator extends ConformanceEmulator {
  config(): OdooConfig;
  state: OdooState;
  /** Every chatter message, as stored (HTML). */
  messages(): HeldMessage[];
  /** A user archives the partner (active = False). */
  archive(id: string): void;
}

const SERVER_VERSION = {
  server_version: '17.0',
  server_version_info: [17, 0, 0, 'final', 0, ''],
  server_serie: '17.0',
  protocol_version: 1,
};

const CALL_MARKER = /\[parley:call:([^\]]+)\]/;
const CHATTER_DURATION = /Duration: (\d+) s/;

const xml = (body: string): EmuResponse => ({
  status: 200,
  headers: { 'content-type': 'text/xml; charset=utf-8' },
  body,
});

export async function startOdooEmulator(options: OdooEmulatorOptions = {}): Promise<OdooEmulator> {
  const state = new OdooState(
    { withParleyModule: options.withParleyModule ?? true, withSmsModule: options.withSmsModule ?? true },
    {
      database: 'parley-test',
      login: 'admin@parley.example',
      apiKey: 'a3f1c9e07b2d4e5f8a6b1c2d3e4f5a6b7c8d9e0f',
      uid: 2,
    },
  );
  const orm = new ExecuteKw(state);
  const { credentials } = state;

  function common(call: MethodCall): unknown {
    if (call.method === 'version') return SERVER_VERSION;
    if (call.method === 'authenticate') {
      const [database, login, key] = call.params;
      const ok =
        !state.revoked &&
        database === credentials.database &&
        login === credentials.login &&
        key === credentials.apiKey;
      return ok ? credentials.uid : false;
    }
    throw faults.badArguments(`The method 'common.${call.method}' does not exist`);
  }

  function object(call: MethodCall): unknown {
    if (call.method !== 'execute_kw')
      throw faults.badArguments(`object.${call.method} is not what Parley calls`);
    const [database, uid, key, model, method, args = [], kwargs = {}] = call.params;
    if (
      state.revoked ||
      database !== credentials.database ||
      uid !== credentials.uid ||
      key !== credentials.apiKey
    ) {
      throw faults.accessDenied();
    }
    if (typeof model !== 'string' || typeof method !== 'string' || !Array.isArray(args)) {
      throw faults.badArguments('execute_kw(db, uid, password, model, method, args, kwargs)');
    }
    if (typeof kwargs !== 'object' || kwargs === null || Array.isArray(kwargs)) {
      throw faults.badArguments('execute_kw kwargs must be a dict');
    }
    return orm.run(model, method, args, Object.fromEntries(Object.entries(kwargs)));
  }

  async function handle(request: EmuRequest): Promise<EmuResponse> {
    const service = /^\/xmlrpc\/2\/(common|object)$/.exec(request.path)?.[1];
    if (request.method !== 'POST' || !service) {
      running.violations.push({
        spec: 'odoo',
        what: 'unknown-operation',
        method: request.method,
        path: request.path,
        errors: ['not an Odoo XML-RPC endpoint'],
      });
      return {
        status: 404,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n',
      };
    }
    let call: MethodCall | undefined;
    try {
      call = await decodeCall(request.rawBody);
      return xml(encodeResult(service === 'common' ? common(call) : object(call)));
    } catch (error) {
      const fault =
        error instanceof OdooFault
          ? error
          : new OdooFault(1, `Traceback (most recent call last):\n${String(error)}\n`, true);
      if (fault.violation) {
        const [, , , model, method] = call?.params ?? [];
        running.violations.push({
          spec: 'odoo',
          what: 'request',
          method: `${service}.${call?.method ?? '?'}${typeof model === 'string' ? ` ${model}.${String(method)}` : ''}`,
          path: request.path,
          errors: [fault.faultString.trim().split('\n').at(-1) ?? fault.faultString],
        });
      }
      return xml(encodeFault(fault.faultCode, fault.faultString));
    }
  }

  const running = await startEmulatorServer({
    name: 'odoo',
    handle,
    errorResponse: proxyResponse,
    ...(options.enforceLimit === false
      ? {}
      : { limit: { requests: ODOO_RATE.budget.requests, windowMs: ODOO_RATE.budget.perMs } }),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  if (options.latencyMs) running.faults.baseLatency(options.latencyMs);

  const partnerRef = (id: number): RecordRef => ({ crm: 'odoo', objectType: 'res.partner', id: String(id) });

  function companyId(name: string): number {
    for (const row of state.rows('res.partner').values())
      if (row.is_company && row.name === name) return row.id;
    return state.insert('res.partner', { name, is_company: true }).id;
  }

  function messages(): HeldMessage[] {
    return [...state.rows('mail.message').values()].map((row) => ({
      id: row.id,
      model: String(row.model),
      resId: Number(row.res_id),
      body: String(row.body),
    }));
  }

  return {
    running,
    state,
    config() {
      // After a revocation the admin creates a new API key in Odoo: the new key works, the old stays refused.
      if (state.revoked) {
        credentials.apiKey = randomBytes(20).toString('hex');
        state.revoked = false;
      }
      return {
        url: running.url,
        database: credentials.database,
        login: credentials.login,
        apiKey: credentials.apiKey,
        defaultCountry: 'FR',
      };
    },
    async seed(people: readonly FixturePerson[]) {
      return people.map((person) => {
        const [phone = false, mobile = false] = person.phones;
        // Odoo has no leads here (crm.lead is out of scope): a lead is seeded as a contact like the rest.
        return partnerRef(
          state.insert('res.partner', {
            name: person.name,
            email: person.emails[0] ?? false,
            phone,
            mobile,
            parent_id: person.company ? companyId(person.company) : false,
          }).id,
        );
      });
    },
    callLogs(): HeldCallLog[] {
      const held: HeldCallLog[] = [];
      if (state.model('parley.call')) {
        for (const row of state.rows('parley.call').values()) {
          held.push({
            id: String(row.id),
            parleyCallId: String(row.call_id),
            contactIds: typeof row.partner_id === 'number' ? [String(row.partner_id)] : [],
            durationSeconds: typeof row.duration === 'number' ? row.duration : 0,
            text: [row.notes, row.summary].filter((part) => typeof part === 'string').join('\n'),
          });
        }
      }
      // Without the module a call lives in the contact's chatter; its marker names it.
      for (const message of messages()) {
        const callId = CALL_MARKER.exec(message.body)?.[1];
        if (!callId) continue;
        held.push({
          id: String(message.id),
          parleyCallId: callId,
          contactIds: [String(message.resId)],
          durationSeconds: Number(CHATTER_DURATION.exec(message.body)?.[1] ?? 0),
          text: message.body,
        });
      }
      return held;
    },
    notes(): HeldNote[] {
      // The module's own note on a logged call (`parley_call_id`) is part of the call, not a note.
      const callNotes = new Set(
        [...state.rows('mail.message').values()].filter((row) => row.parley_call_id).map((row) => row.id),
      );
      return messages()
        .filter((message) => !CALL_MARKER.test(message.body) && !callNotes.has(message.id))
        .map((message) => ({ id: String(message.id), targetId: String(message.resId), body: message.body }));
    },
    person(id: string): HeldPerson | undefined {
      const row = state.get('res.partner', Number(id));
      if (!row) return undefined;
      return {
        id,
        name: String(row.name),
        phones: [row.phone, row.mobile].filter(
          (phone): phone is string => typeof phone === 'string' && phone !== '',
        ),
      };
    },
    touch(id: string, name: string) {
      state.update('res.partner', Number(id), { name });
    },
    remove(id: string) {
      state.delete('res.partner', Number(id));
    },
    archive(id: string) {
      state.update('res.partner', Number(id), { active: false });
    },
    revokeAccess() {
      state.revoked = true;
    },
    messages,
    close: () => running.close(),
  };
}
