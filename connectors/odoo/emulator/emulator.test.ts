import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import xmlrpc from 'xmlrpc';
import { compileDomain, likeToRegExp, type Row } from './domain-eval.ts';
import { type OdooEmulator, startOdooEmulator } from './index.ts';
import { buildSchema } from './schema.ts';

/** Raw XML-RPC, as any client would send it, so the emulator is checked apart from the connector. */
function call(url: string, service: string, method: string, params: unknown[]): Promise<unknown> {
  const client = xmlrpc.createClient(`${url}/xmlrpc/2/${service}`);
  return new Promise((resolve, reject) =>
    client.methodCall(method, params, (error: unknown, value: unknown) =>
      error ? reject(error) : resolve(value),
    ),
  );
}

describe('the Odoo emulator over XML-RPC', () => {
  let emulator: OdooEmulator;
  let kw: (
    model: string,
    method: string,
    args: unknown[],
    kwargs?: Record<string, unknown>,
  ) => Promise<unknown>;

  beforeEach(async () => {
    emulator = await startOdooEmulator();
    const { url, database, apiKey } = emulator.config();
    kw = (model, method, args, kwargs = {}) =>
      call(url, 'object', 'execute_kw', [database, 2, apiKey, model, method, args, kwargs]);
  });

  afterEach(() => emulator.close());

  it('authenticate answers the uid, or false (not a fault) for a revoked key', async () => {
    const { url, database, login, apiKey } = emulator.config();
    expect(await call(url, 'common', 'authenticate', [database, login, apiKey, {}])).toBe(2);
    emulator.revokeAccess();
    expect(await call(url, 'common', 'authenticate', [database, login, apiKey, {}])).toBe(false);
    await expect(kw('res.partner', 'search_count', [[]])).rejects.toMatchObject({
      faultCode: 3,
      faultString: 'Access Denied',
    });
  });

  it.each([
    ['an unknown model', () => kw('no.such.model', 'search', [[]]), 2, "Object no.such.model doesn't exist"],
    [
      'an unknown method',
      () => kw('res.partner', 'no_such_method', [[]]),
      1,
      "does not exist on the model 'res.partner'",
    ],
    ['a private method', () => kw('res.partner', '_compute_display_name', [[]]), 4, 'Private methods'],
    [
      'an unknown field in a domain',
      () => kw('res.partner', 'search', [[['nope', '=', 1]]]),
      1,
      'Invalid field res.partner.nope',
    ],
    [
      'an unknown field in values',
      () => kw('res.partner', 'create', [[{ nope: 1 }]]),
      1,
      "Invalid field 'nope'",
    ],
    [
      'an unknown keyword',
      () => kw('res.partner', 'search', [[]], { bogus: 1 }),
      1,
      "unexpected keyword argument 'bogus'",
    ],
    [
      'a JS Date for a datetime',
      () => kw('parley.call', 'create', [[{ call_id: 'x', started_at: new Date() }]]),
      1,
      'has no len()',
    ],
  ])('%s answers Odoo’s fault and is recorded as a violation', async (_name, request, faultCode, text) => {
    await expect(request()).rejects.toMatchObject({ faultCode, faultString: expect.stringContaining(text) });
    expect(emulator.running.violations).toHaveLength(1);
    emulator.running.violations.length = 0;
  });

  it('refuses a second parley.call with the same call_id, in one create or two', async () => {
    await kw('parley.call', 'create', [[{ call_id: 'CA1', direction: 'inbound' }]]);
    const duplicate = {
      faultCode: 2,
      faultString: 'The operation cannot be completed: A call with this call_id already exists.',
    };
    await expect(kw('parley.call', 'create', [[{ call_id: 'CA1' }]])).rejects.toMatchObject(duplicate);
    await expect(
      kw('parley.call', 'create', [[{ call_id: 'CA2' }, { call_id: 'CA2' }]]),
    ).rejects.toMatchObject(duplicate);
    expect(emulator.callLogs().map((log) => log.parleyCallId)).toEqual(['CA1']);
    expect(emulator.running.violations).toEqual([]);
  });

  it('upsert_calls logs by call_id and answers per call, refusing a bad call alone', async () => {
    const [alice] = await emulator.seed([
      { key: 'a', name: 'Alice', company: null, emails: [], phones: ['+33612345678'], kind: 'contact' },
    ]);
    const partner = Number(alice?.id);
    const call = {
      call_id: 'CA1',
      partner_id: partner,
      direction: 'inbound',
      duration: 5,
      result: 'answered',
    };
    const first = await kw('parley.call', 'upsert_calls', [[call, { call_id: 'CA2', outcome: 'nope' }]]);
    expect(first).toEqual([
      { call_id: 'CA1', id: 1 },
      { call_id: 'CA2', error: 'invalid', message: "Wrong value for parley.call.outcome: 'nope'" },
    ]);
    // By keyword too, as Python binds it; the same call_id twice in one list is one record.
    const again = await kw('parley.call', 'upsert_calls', [], {
      calls: [
        { ...call, notes: 'Quote' },
        { ...call, notes: 'Quote, 12 seats' },
        { call_id: 'CA3', partner_id: 999 },
      ],
    });
    expect(again).toEqual([
      { call_id: 'CA1', id: 1 },
      { call_id: 'CA1', id: 1 },
      {
        call_id: 'CA3',
        error: 'not_found',
        message: 'The Odoo contact 999 no longer exists (deleted in Odoo?).',
      },
    ]);
    expect(emulator.callLogs()).toMatchObject([{ parleyCallId: 'CA1', text: 'Quote, 12 seats' }]);
    // The module notes the call on the partner once, as a call, not as a note.
    expect(emulator.messages().map((message) => message.body)).toEqual([
      '<p><b>Parley: inbound call, answered</b></p>',
    ]);
    expect(emulator.notes()).toEqual([]);
    expect(emulator.running.violations).toEqual([]);
  });

  it('upsert_calls refuses arguments the module does not take', async () => {
    await expect(kw('parley.call', 'upsert_calls', [[]], { vals_list: [] })).rejects.toMatchObject({
      faultCode: 1,
      faultString: expect.stringContaining("unexpected keyword argument 'vals_list'"),
    });
    await expect(kw('parley.call', 'upsert_calls', [])).rejects.toMatchObject({
      faultString: expect.stringContaining("missing 1 required positional argument: 'calls'"),
    });
    expect(emulator.running.violations).toHaveLength(2);
    emulator.running.violations.length = 0;
  });

  it('answers datetimes in whole seconds and many2one as [id, name]', async () => {
    const [alice] = await emulator.seed([
      { key: 'a', kind: 'contact', name: 'Alice', company: 'Acme', emails: [], phones: ['06 12 34 56 78'] },
    ]);
    const rows = await kw('res.partner', 'read', [
      [Number(alice?.id)],
      ['write_date', 'parent_id', 'mobile'],
    ]);
    expect(rows).toEqual([
      {
        id: Number(alice?.id),
        write_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        parent_id: [expect.any(Number), 'Acme'],
        mobile: false,
      },
    ]);
  });

  it('a 429 fault is Odoo.sh’s HTML page with Retry-After, not XML-RPC', async () => {
    emulator.running.faults.next({ kind: 'status', status: 429, retryAfterSeconds: 7 });
    const response = await fetch(`${emulator.config().url}/xmlrpc/2/common`, { method: 'POST', body: '' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.text()).toContain('<h1>429 Too Many Requests</h1>');
  });
});

describe('the domain evaluator', () => {
  const partners = buildSchema({ withParleyModule: true, withSmsModule: true }).get('res.partner');
  if (!partners) throw new Error('no res.partner');
  const row = (values: Record<string, string | number | boolean>): Row => ({ id: 1, ...values });
  const alice = row({
    name: 'Alice_Martin',
    phone: '+33 6 12 34 56 78',
    mobile: false,
    is_company: false,
    write_date: 5_000_000,
  });
  const matches = (domain: unknown[]) => compileDomain(partners, domain, () => '')(alice);

  it.each<[string, unknown[], boolean]>([
    ['=', [['name', '=', 'Alice_Martin']], true],
    ['= false on an empty char', [['mobile', '=', false]], true],
    ['!=', [['name', '!=', 'Alice_Martin']], false],
    ['in', [['id', 'in', [1, 2]]], true],
    ['ilike is a case-insensitive substring', [['name', 'ilike', 'alice']], true],
    ['ilike reads _ as any character', [['name', 'ilike', 'e_M']], true],
    ['=ilike is the pattern itself', [['phone', '=ilike', '%1%2%3%4%5%6%7%8']], true],
    ['>', [['write_date', '>', '1970-01-01 00:00:04']], true],
    ['>= is exclusive of later seconds', [['write_date', '>=', '1970-01-01 00:00:06']], false],
    [
      'implicit AND',
      [
        ['name', 'ilike', 'alice'],
        ['is_company', '=', true],
      ],
      false,
    ],
    ['|', ['|', ['name', '=', 'x'], ['is_company', '=', false]], true],
    ['&', ['&', ['name', '=', 'x'], ['is_company', '=', false]], false],
    ['!', ['!', ['name', '=', 'x']], true],
    ['phone_mobile_search strips separators', [['phone_mobile_search', 'ilike', '612345678']], true],
    [
      'phone_mobile_search + is a prefix on the stored form',
      [['phone_mobile_search', '=', '+33612345678']],
      true,
    ],
  ])('%s', (_name, domain, expected) => {
    expect(matches(domain)).toBe(expected);
  });

  it('phone_mobile_search refuses fewer than 3 characters as Odoo does', () => {
    expect(() => matches([['phone_mobile_search', 'ilike', '12']])).toThrow('at least 3 characters');
  });

  it('LIKE backslash escapes a wildcard', () => {
    expect(likeToRegExp('a\\_b').test('axb')).toBe(false);
    expect(likeToRegExp('a\\_b').test('a_b')).toBe(true);
  });
});
