import { datetimeToMicros, type Row, type Stored } from './domain-eval.ts';
import { faults } from './odoo-faults.ts';
import { buildSchema, type FieldDef, type ModelDef, type SchemaOptions } from './schema.ts';

/** Fields looked up by value on every batch: kept indexed so a request costs O(batch), not O(table). */
const INDEXED: Record<string, readonly string[]> = {
  'parley.call': ['call_id'],
  'mail.message': ['res_id'],
};

const DEFAULTS: Record<string, Record<string, Stored>> = {
  'res.partner': { active: true, is_company: false },
  'res.users': { active: true, share: false },
  'mail.message': { message_type: 'notification' },
};

export interface Credentials {
  database: string;
  login: string;
  apiKey: string;
  uid: number;
}

/** The emulated database: plain rows per model, Map indexes, and the one API key Parley holds. */
export class OdooState {
  readonly schema: Map<string, ModelDef>;
  readonly credentials: Credentials;
  revoked = false;
  private readonly tables = new Map<string, Map<number, Row>>();
  private readonly indexes = new Map<string, Map<string, Map<Stored, Set<number>>>>();
  private readonly nextIds = new Map<string, number>();
  private lastMicros = 0;

  constructor(options: SchemaOptions, credentials: Credentials) {
    this.schema = buildSchema(options);
    this.credentials = credentials;
    for (const model of this.schema.keys()) {
      this.tables.set(model, new Map());
      this.nextIds.set(model, model === 'res.partner' ? 10 : 1);
      const fields = INDEXED[model] ?? [];
      this.indexes.set(model, new Map(fields.map((field) => [field, new Map()])));
    }
    for (const model of this.schema.values())
      this.insert('ir.model', { model: model.name, name: model.description });
    this.insert('res.users', {
      name: 'OdooBot',
      login: '__system__',
      email: 'odoobot@example.com',
      active: false,
    });
    this.nextIds.set('res.users', credentials.uid);
    this.insert('res.users', { name: 'Mitchell Admin', login: credentials.login, email: credentials.login });
  }

  model(name: string): ModelDef | undefined {
    return this.schema.get(name);
  }

  /** Odoo stamps `write_date` with the transaction's start in microseconds; ours only ever increase. */
  private now(): number {
    this.lastMicros = Math.max(this.lastMicros + 1, Date.now() * 1000);
    return this.lastMicros;
  }

  rows(model: string): Map<number, Row> {
    const table = this.tables.get(model);
    if (!table) throw faults.unknownModel(model);
    return table;
  }

  get(model: string, id: number): Row | undefined {
    return this.tables.get(model)?.get(id);
  }

  /** Ids holding `value` in an indexed field; undefined when the field is not indexed. */
  lookup(model: string, field: string, value: Stored): Set<number> | undefined {
    const index = this.indexes.get(model)?.get(field);
    if (!index) return undefined;
    return index.get(value) ?? new Set();
  }

  isIndexed(model: string, field: string): boolean {
    return field === 'id' || this.indexes.get(model)?.has(field) === true;
  }

  displayName(model: string, id: number): string {
    const row = this.get(model, id);
    return row ? String(row.name || `${model},${id}`) : `${model},${id}`;
  }

  private reindex(model: string, row: Row, add: boolean): void {
    for (const [field, index] of this.indexes.get(model) ?? []) {
      const value = row[field];
      if (value === undefined) continue;
      let ids = index.get(value);
      if (!ids) {
        ids = new Set();
        index.set(value, ids);
      }
      if (add) ids.add(row.id);
      else ids.delete(row.id);
    }
  }

  insert(model: string, values: Record<string, Stored>): Row {
    const id = this.nextIds.get(model) ?? 1;
    this.nextIds.set(model, id + 1);
    const at = this.now();
    const row: Row = { ...DEFAULTS[model], ...values, id, create_date: at, write_date: at };
    this.rows(model).set(id, row);
    this.reindex(model, row, true);
    return row;
  }

  update(model: string, id: number, values: Record<string, Stored>): void {
    const row = this.get(model, id);
    if (!row) throw faults.missing(model, [id]);
    this.reindex(model, row, false);
    Object.assign(row, values, { write_date: this.now() });
    this.reindex(model, row, true);
  }

  /** `unlink` of a partner: its chatter goes with it, calls keep their row (ondelete='set null'). */
  delete(model: string, id: number): void {
    const row = this.get(model, id);
    if (!row) return;
    this.reindex(model, row, false);
    this.rows(model).delete(id);
    for (const messageId of this.lookup('mail.message', 'res_id', id) ?? []) {
      const message = this.get('mail.message', messageId);
      if (message?.model === model) this.delete('mail.message', messageId);
    }
    if (model === 'res.partner' && this.tables.has('parley.call')) {
      for (const call of this.rows('parley.call').values()) {
        if (call.partner_id === id) this.update('parley.call', call.id, { partner_id: false });
      }
    }
  }

  /** A value as the field stores it, or Odoo's fault for a value of the wrong kind. */
  coerce(model: ModelDef, name: string, value: unknown): Stored {
    const field: FieldDef | undefined = model.fields[name];
    if (!field || field.searchOnly || field.readonly) throw faults.invalidField(model.name, name);
    if (value === false || value === null) return false;
    switch (field.type) {
      case 'char':
      case 'text':
      case 'html':
        if (typeof value === 'string') return value;
        break;
      case 'integer':
        if (typeof value === 'number' && Number.isInteger(value)) return value;
        break;
      case 'boolean':
        if (typeof value === 'boolean') return value;
        break;
      case 'datetime':
        return datetimeToMicros(value);
      case 'selection':
        if (typeof value === 'string' && field.selection?.some(([key]) => key === value)) return value;
        throw faults.wrongSelection(model.name, name, value);
      case 'many2one':
        if (typeof value === 'number' && Number.isInteger(value)) {
          if (!this.get(field.comodel ?? '', value))
            throw faults.foreignKey(model.description, model.name, name);
          return value;
        }
        break;
    }
    throw faults.badArguments(`wrong type for ${model.name}.${name}: ${JSON.stringify(value)}`);
  }
}
