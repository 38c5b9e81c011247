import {
  compileDomain,
  mentionsField,
  microsToDatetime,
  pyRepr,
  type Row,
  type Stored,
} from './domain-eval.ts';
import { faults } from './odoo-faults.ts';
import { ParleyModule, UPSERT_CALLS_SIGNATURE } from './parley-module.ts';
import type { ModelDef } from './schema.ts';
import type { OdooState } from './state.ts';

type Kwargs = Record<string, unknown>;

/** Keyword arguments each ORM method takes (odoo/models.py, 17.0); any other is Python's TypeError. */
const KWARGS: Record<string, ReadonlySet<string>> = {
  search_read: new Set(['domain', 'fields', 'offset', 'limit', 'order', 'context']),
  search: new Set(['offset', 'limit', 'order', 'context']),
  search_count: new Set(['limit', 'context']),
  read: new Set(['fields', 'load', 'context']),
  create: new Set(['context']),
  write: new Set(['context']),
  fields_get: new Set(['allfields', 'attributes', 'context']),
  upsert_calls: new Set([...UPSERT_CALLS_SIGNATURE.params, 'context']),
  message_post: new Set([
    'body',
    'message_type',
    'subtype_xmlid',
    'body_is_html',
    'subject',
    'partner_ids',
    'context',
  ]),
};

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

const isIdList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'number' && Number.isInteger(id));

/** The methods of `execute_kw` the connector uses, answered from the state as Odoo 17 would. */
export class ExecuteKw {
  private readonly module: ParleyModule;

  constructor(private readonly state: OdooState) {
    this.module = new ParleyModule(state);
  }

  run(model: string, method: string, args: unknown[], kwargs: Kwargs): unknown {
    if (method.startsWith('_') || method === 'init') throw faults.privateMethod(method);
    const def = this.state.model(model);
    if (!def) throw faults.unknownModel(model);
    if (!def.methods.has(method)) throw faults.unknownMethod(model, method);
    const allowed = KWARGS[method];
    for (const key of Object.keys(kwargs)) {
      if (!allowed?.has(key))
        throw faults.badArguments(`${method}() got an unexpected keyword argument '${key}'`);
    }
    const context = kwargs.context;
    const activeTest = !(
      typeof context === 'object' &&
      context !== null &&
      'active_test' in context &&
      context.active_test === false
    );
    switch (method) {
      case 'search_read': {
        const rows = this.search(def, args[0] ?? kwargs.domain ?? [], kwargs, activeTest);
        return rows.map((row) => this.format(def, row, kwargs.fields ?? args[1]));
      }
      case 'search':
        return this.search(def, args[0] ?? [], kwargs, activeTest).map((row) => row.id);
      case 'search_count':
        return this.search(def, args[0] ?? [], {}, activeTest).length;
      case 'read': {
        const ids = args[0];
        if (!isIdList(ids)) throw faults.badArguments(`read() expects a list of ids, got ${pyRepr(ids)}`);
        return ids.flatMap((id) => {
          const row = this.state.get(model, id);
          return row ? [this.format(def, row, kwargs.fields ?? args[1])] : [];
        });
      }
      case 'create':
        return this.create(def, args[0]);
      case 'write':
        return this.write(def, args[0], args[1]);
      case 'fields_get':
        return this.fieldsGet(def, kwargs.allfields ?? args[0], kwargs.attributes ?? args[1]);
      case 'message_post':
        return this.messagePost(def, args[0], kwargs);
      case UPSERT_CALLS_SIGNATURE.method: {
        const { context: _context, ...named } = kwargs;
        return this.module.upsertCalls(def, args, named);
      }
    }
    throw faults.unknownMethod(model, method);
  }

  private search(def: ModelDef, domain: unknown, kwargs: Kwargs, activeTest: boolean): Row[] {
    const predicate = compileDomain(def, domain, (field, id) =>
      this.state.displayName(field.comodel ?? '', id),
    );
    const onlyActive = activeTest && 'active' in def.fields && !mentionsField(domain, 'active');
    const order = this.order(def, kwargs.order);
    const offset = typeof kwargs.offset === 'number' ? kwargs.offset : 0;
    const limit = typeof kwargs.limit === 'number' ? kwargs.limit : Number.POSITIVE_INFINITY;
    const matched: Row[] = [];
    for (const row of this.candidates(def, domain)) {
      if (onlyActive && row.active === false) continue;
      if (predicate(row)) matched.push(row);
    }
    matched.sort((a, b) => {
      for (const [field, direction] of order) {
        const left = a[field] ?? false;
        const right = b[field] ?? false;
        if (left === right) continue;
        const less = left === false ? false : right === false ? true : left < right;
        return (less ? -1 : 1) * direction;
      }
      return 0;
    });
    return matched.slice(offset, offset + limit);
  }

  /** Rows an AND-only domain can match, from an index when it pins an indexed field; else every row. */
  private candidates(def: ModelDef, domain: unknown): Iterable<Row> {
    const table = this.state.rows(def.name);
    if (!Array.isArray(domain) || domain.some((term) => typeof term === 'string')) return table.values();
    for (const term of domain) {
      if (!Array.isArray(term)) continue;
      const [field, operator, value] = term;
      if (typeof field !== 'string' || !this.state.isIndexed(def.name, field)) continue;
      const values: unknown[] =
        operator === '=' ? [value] : operator === 'in' && Array.isArray(value) ? value : [];
      if (operator !== '=' && operator !== 'in') continue;
      const ids = new Set<number>();
      for (const wanted of values) {
        if (typeof wanted !== 'string' && typeof wanted !== 'number') continue;
        if (field === 'id') ids.add(Number(wanted));
        else for (const id of this.state.lookup(def.name, field, wanted) ?? []) ids.add(id);
      }
      return [...ids].flatMap((id) => {
        const row = table.get(id);
        return row ? [row] : [];
      });
    }
    return table.values();
  }

  private order(def: ModelDef, spec: unknown): Array<[string, 1 | -1]> {
    if (spec === undefined || spec === false || spec === null) return [['id', 1]];
    const text = String(spec);
    return text.split(',').map((part) => {
      const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(part);
      const field = match?.[1];
      if (!match || !field || !def.fields[field] || def.fields[field]?.searchOnly) {
        throw faults.badArguments(
          `Invalid "order" specified (${text}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
        );
      }
      return [field, match[2]?.toLowerCase() === 'desc' ? -1 : 1];
    });
  }

  private format(def: ModelDef, row: Row, fields: unknown): Record<string, unknown> {
    const names =
      Array.isArray(fields) && fields.length > 0
        ? fields
        : Object.keys(def.fields).filter((name) => !def.fields[name]?.searchOnly);
    const out: Record<string, unknown> = { id: row.id };
    for (const name of names) {
      const field = typeof name === 'string' ? def.fields[name] : undefined;
      if (typeof name !== 'string' || !field || field.searchOnly)
        throw faults.invalidField(def.name, String(name));
      const value: Stored | undefined =
        name === 'display_name' ? this.state.displayName(def.name, row.id) : row[name];
      if (field.type === 'many2one') {
        out[name] =
          typeof value === 'number' ? [value, this.state.displayName(field.comodel ?? '', value)] : false;
      } else if (field.type === 'datetime') {
        out[name] = typeof value === 'number' ? microsToDatetime(value) : false;
      } else if (field.type === 'integer') {
        out[name] = typeof value === 'number' ? value : 0;
      } else if (field.type === 'boolean') {
        out[name] = value === true;
      } else {
        out[name] = value === undefined || value === '' ? false : value;
      }
    }
    return out;
  }

  private values(def: ModelDef, vals: unknown): Record<string, Stored> {
    if (typeof vals !== 'object' || vals === null || Array.isArray(vals)) {
      throw faults.badArguments(`expected a dict of values, got ${pyRepr(vals)}`);
    }
    const out: Record<string, Stored> = {};
    for (const [name, value] of Object.entries(vals)) out[name] = this.state.coerce(def, name, value);
    return out;
  }

  /** All or nothing, as one transaction: every row is checked before any is inserted. */
  private create(def: ModelDef, input: unknown): number | number[] {
    const list = Array.isArray(input) ? input : [input];
    const rows = list.map((vals) => this.values(def, vals));
    const seen = new Set<Stored>();
    for (const row of rows) {
      for (const [name, field] of Object.entries(def.fields)) {
        if (field.required && (row[name] === undefined || row[name] === false || row[name] === '')) {
          throw faults.mandatory(def.description, def.name, field.string);
        }
      }
      if (def.name === 'parley.call') {
        const callId = row.call_id ?? false;
        if (seen.has(callId) || (this.state.lookup(def.name, 'call_id', callId)?.size ?? 0) > 0) {
          throw faults.uniqueCallId();
        }
        seen.add(callId);
      }
    }
    const ids = rows.map((row) => this.state.insert(def.name, row).id);
    return Array.isArray(input) ? ids : (ids[0] ?? 0);
  }

  private write(def: ModelDef, ids: unknown, vals: unknown): true {
    if (!isIdList(ids)) throw faults.badArguments(`write() expects a list of ids, got ${pyRepr(ids)}`);
    const missing = ids.filter((id) => !this.state.get(def.name, id));
    if (missing.length > 0) throw faults.missing(def.name, missing);
    const values = this.values(def, vals);
    if (def.name === 'parley.call' && values.call_id !== undefined) {
      const holders = this.state.lookup(def.name, 'call_id', values.call_id) ?? new Set();
      if ([...holders].some((id) => !ids.includes(id)) || ids.length > 1) throw faults.uniqueCallId();
    }
    for (const id of ids) this.state.update(def.name, id, values);
    return true;
  }

  private fieldsGet(def: ModelDef, allfields: unknown, attributes: unknown): Record<string, unknown> {
    const wanted =
      Array.isArray(allfields) && allfields.length > 0 ? allfields.map(String) : Object.keys(def.fields);
    const keep = Array.isArray(attributes) ? new Set(attributes.map(String)) : null;
    const out: Record<string, unknown> = {};
    for (const name of wanted) {
      const field = def.fields[name];
      if (!field) continue;
      const description: Record<string, unknown> = {
        type: field.type,
        string: field.string,
        required: field.required === true,
        readonly: field.readonly === true,
        ...(field.comodel ? { relation: field.comodel } : {}),
        ...(field.selection ? { selection: field.selection } : {}),
      };
      out[name] = keep
        ? Object.fromEntries(Object.entries(description).filter(([key]) => keep.has(key)))
        : description;
    }
    return out;
  }

  /** `message_post` needs one record (`ensure_one`) and escapes a plain-text body (research/odoo.md §1.5). */
  private messagePost(def: ModelDef, ids: unknown, kwargs: Kwargs): number {
    if (!isIdList(ids) || ids.length !== 1) throw faults.singleton(def.name, isIdList(ids) ? ids : []);
    const id = ids[0];
    if (id === undefined || !this.state.get(def.name, id)) throw faults.missing(def.name, ids);
    const body = typeof kwargs.body === 'string' ? kwargs.body : '';
    const html = kwargs.body_is_html === true ? body : `<p>${escapeHtml(body)}</p>`;
    const messageType = typeof kwargs.message_type === 'string' ? kwargs.message_type : 'notification';
    const messages = this.state.model('mail.message');
    if (!messages) throw faults.unknownModel('mail.message');
    return this.state.insert('mail.message', {
      model: def.name,
      res_id: id,
      body: html,
      message_type: this.state.coerce(messages, 'message_type', messageType),
    }).id;
  }
}
