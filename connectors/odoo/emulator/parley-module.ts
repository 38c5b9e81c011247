import { datetimeToMicros, pyRepr, type Row, type Stored } from './domain-eval.ts';
import { faults } from './odoo-faults.ts';
import type { ModelDef } from './schema.ts';
import type { OdooState } from './state.ts';

/**
 * Parley's Odoo module as the emulator runs it: `parley.call.upsert_calls(calls)` of
 * odoo-module/parley/models/parley_call.py, with the checks of its `call_values.py`.
 * connectors/odoo/addon-contract.test.ts reads that source to keep the name, the argument
 * and the fields here the same.
 */
export const UPSERT_CALLS_SIGNATURE = { method: 'upsert_calls', params: ['calls'] } as const;

const MANY2ONE: Record<string, { model: string; label: string }> = {
  partner_id: { model: 'res.partner', label: 'contact' },
  user_id: { model: 'res.users', label: 'user' },
};

type Answer = { call_id: string; id: number } | { call_id: string; error: string; message: string };

const refusal = (callId: unknown, error: 'invalid' | 'not_found', message: string): Answer => ({
  call_id: typeof callId === 'string' ? callId : '',
  error,
  message,
});

function fieldProblem(def: ModelDef, name: string, value: unknown): string | null {
  const field = def.fields[name];
  if (value === false) return name === 'duration' ? 'duration must be a number of seconds.' : null;
  switch (field?.type) {
    case 'selection':
      return field.selection?.some(([key]) => key === value)
        ? null
        : `Wrong value for parley.call.${name}: ${pyRepr(value)}`;
    case 'many2one':
      return typeof value === 'number' && Number.isInteger(value) && value > 0
        ? null
        : `${name} must be a record id.`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? null
        : 'duration must be a number of seconds.';
    case 'datetime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)
        ? null
        : `started_at must be 'YYYY-MM-DD HH:MM:SS' in UTC, not ${pyRepr(value)}.`;
    default:
      return typeof value === 'string' ? null : `${name} must be text.`;
  }
}

/** Every field of `parley.call` the upsert may set: the model's own, not the ORM's magic ones. */
export function upsertFields(def: ModelDef): string[] {
  return Object.entries(def.fields)
    .filter(([, field]) => !field.readonly)
    .map(([name]) => name);
}

export class ParleyModule {
  constructor(private readonly state: OdooState) {}

  upsertCalls(def: ModelDef, args: unknown[], kwargs: Record<string, unknown>): Answer[] {
    const [name] = UPSERT_CALLS_SIGNATURE.params;
    if (args.length > 1)
      throw faults.badArguments(
        `upsert_calls() takes 2 positional arguments but ${args.length + 1} were given`,
      );
    if (args.length === 1 && name in kwargs)
      throw faults.badArguments(`upsert_calls() got multiple values for argument '${name}'`);
    const calls = args.length === 1 ? args[0] : kwargs[name];
    if (calls === undefined)
      throw faults.badArguments(`upsert_calls() missing 1 required positional argument: '${name}'`);
    return (Array.isArray(calls) ? calls : [calls]).map((vals) => this.upsertOne(def, vals));
  }

  private upsertOne(def: ModelDef, vals: unknown): Answer {
    if (typeof vals !== 'object' || vals === null || Array.isArray(vals))
      return refusal('', 'invalid', 'Each call must be a dict of parley.call values.');
    const input = vals as Record<string, unknown>;
    const callId = input.call_id;
    if (typeof callId !== 'string' || callId.trim() === '')
      return refusal(callId, 'invalid', "A call needs its call_id (Parley's call id).");
    const allowed = new Set(upsertFields(def));
    const unknown = Object.keys(input)
      .filter((key) => !allowed.has(key))
      .sort();
    if (unknown.length > 0)
      return refusal(callId, 'invalid', `Unknown parley.call field(s): ${unknown.join(', ')}.`);
    const clean: Record<string, Stored> = {};
    for (const [name, value] of Object.entries(input)) {
      const problem = fieldProblem(def, name, value);
      if (problem) return refusal(callId, 'invalid', problem);
      clean[name] =
        def.fields[name]?.type === 'datetime' && value !== false
          ? datetimeToMicros(value)
          : (value as Stored);
    }
    for (const [name, { model, label }] of Object.entries(MANY2ONE)) {
      const target = clean[name];
      if (typeof target === 'number' && !this.state.get(model, target))
        return refusal(
          callId,
          'not_found',
          `The Odoo ${label} ${target} no longer exists (deleted in Odoo?).`,
        );
    }
    const [heldId] = this.state.lookup(def.name, 'call_id', callId) ?? [];
    const held = heldId === undefined ? undefined : this.state.get(def.name, heldId);
    if (held) {
      const changed = Object.fromEntries(
        Object.entries(clean).filter(([name, value]) => (held[name] || false) !== (value || false)),
      );
      const before = held.partner_id;
      if (Object.keys(changed).length > 0) this.state.update(def.name, held.id, changed);
      if (typeof held.partner_id === 'number' && held.partner_id !== before) this.postOnPartner(held);
      return { call_id: callId, id: held.id };
    }
    const row = this.state.insert(def.name, clean);
    if (typeof row.partner_id === 'number') this.postOnPartner(row);
    return { call_id: callId, id: row.id };
  }

  /** The module's note on the partner (`_post_on_partner`): HTML it builds itself, kept as HTML. */
  private postOnPartner(call: Row): void {
    this.state.insert('mail.message', {
      model: 'res.partner',
      res_id: call.partner_id ?? false,
      body: `<p><b>Parley: ${String(call.direction ?? '')} call, ${String(call.result ?? '')}</b></p>`,
      message_type: 'comment',
      parley_call_id: call.call_id ?? false,
    });
  }
}
