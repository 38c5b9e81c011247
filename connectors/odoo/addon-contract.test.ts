import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callLog } from '../core/conformance/fixtures.ts';
import { UPSERT_CALLS_SIGNATURE, upsertFields } from './emulator/parley-module.ts';
import { buildSchema, PARLEY_OUTCOMES, PARLEY_RESULTS } from './emulator/schema.ts';
import { callVals, UPSERT_CALLS, UpsertResultSchema } from './map.ts';

/**
 * The connector, the emulator and Parley's Odoo module agree on `parley.call.upsert_calls`: this
 * reads the module's Python source, so a change on either side fails here instead of in an Odoo.
 */
const MODELS = new URL('../../odoo-module/parley/models/', import.meta.url);
const callPy = readFileSync(new URL('parley_call.py', MODELS), 'utf8');
const valuesPy = readFileSync(new URL('call_values.py', MODELS), 'utf8');

const quoted = (text: string) => [...text.matchAll(/'([^']*)'/g)].map((match) => match[1]);

function pythonSelection(name: string): Array<[string, string]> {
  const body = new RegExp(`^${name} = \\[([\\s\\S]*?)\\]$`, 'm').exec(valuesPy)?.[1];
  if (!body) throw new Error(`${name} not found in call_values.py`);
  return [...body.matchAll(/\('([^']*)', '([^']*)'\)/g)].map((match) => [match[1] ?? '', match[2] ?? '']);
}

/** `name = fields.Type('comodel'…` lines of the ParleyCall class. */
function pythonFields(): Map<string, { type: string; comodel?: string }> {
  const found = new Map<string, { type: string; comodel?: string }>();
  for (const match of callPy.matchAll(/^ {4}(\w+) = fields\.(\w+)\(('([\w.]+)')?/gm)) {
    const [, name = '', type = '', , comodel] = match;
    found.set(name, { type: type.toLowerCase(), ...(comodel ? { comodel } : {}) });
  }
  return found;
}

const parleyCall = buildSchema({ withParleyModule: true, withSmsModule: true }).get('parley.call');
if (!parleyCall) throw new Error('the emulator has no parley.call');

describe('parley.call.upsert_calls: the connector, the emulator and the Odoo module', () => {
  it('name the same public @api.model method with the same one argument', () => {
    const signature = /@api\.model\n {4}def (\w+)\(self, ([\w, ]+)\):/.exec(
      callPy.slice(callPy.indexOf('def upsert_calls') - 20),
    );
    const python = { method: signature?.[1], params: signature?.[2]?.split(', ') };
    expect(python).toEqual({ method: 'upsert_calls', params: ['calls'] });
    expect({ method: UPSERT_CALLS.method, params: [...UPSERT_CALLS.params] }).toEqual(python);
    expect({ method: UPSERT_CALLS_SIGNATURE.method, params: [...UPSERT_CALLS_SIGNATURE.params] }).toEqual(
      python,
    );
    expect(UPSERT_CALLS.model).toBe(/_name = '([\w.]+)'/.exec(callPy)?.[1]);
  });

  it('know the same fields, with the same types and related models', () => {
    const emulated = new Map(
      upsertFields(parleyCall).map((name) => {
        const field = parleyCall.fields[name];
        return [name, { type: field?.type, ...(field?.comodel ? { comodel: field.comodel } : {}) }];
      }),
    );
    expect(emulated).toEqual(pythonFields());
  });

  it('send and accept exactly the upsert fields of call_values.py', () => {
    const body = /^UPSERT_FIELDS = \(([\s\S]*?)\)$/m.exec(valuesPy)?.[1] ?? '';
    const python = quoted(body).sort();
    expect(python.length).toBeGreaterThan(10);
    const full = callLog({
      contact: { crm: 'odoo', objectType: 'res.partner', id: '12' },
      ownerId: '2',
      outcome: 'callback',
      notes: 'n',
      summary: 's',
      transcript: 't',
      disposition: 'interested',
      recordingUrl: 'https://parley.example/r/1',
    });
    expect(Object.keys(callVals(full)).sort()).toEqual(python);
    expect(upsertFields(parleyCall).sort()).toEqual(python);
  });

  it('offer the same results, outcomes and directions', () => {
    expect(PARLEY_RESULTS).toEqual(pythonSelection('RESULTS'));
    expect(PARLEY_OUTCOMES).toEqual(pythonSelection('OUTCOMES'));
    expect(parleyCall.fields.direction?.selection).toEqual(pythonSelection('DIRECTIONS'));
  });

  it('read every refusal kind the module answers', () => {
    const kinds = new Set(
      [...`${callPy}\n${valuesPy}`.matchAll(/refusal\([^,]+, '(\w+)'/g)].map((match) => match[1]),
    );
    expect([...kinds].sort()).toEqual(['invalid', 'not_found']);
    for (const kind of kinds) {
      expect(UpsertResultSchema.safeParse({ call_id: 'c', error: kind, message: 'm' }).success).toBe(true);
    }
  });
});
