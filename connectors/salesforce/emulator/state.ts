import { compare, conditionFields, order3 } from './compare.ts';
import { makeId } from './ids.ts';
import { DEFAULTS, isReadable, MODELS, type ObjectModel } from './model.ts';
import type { Condition, SoqlQuery } from './query-parser.ts';

export interface SfError {
  message: string;
  errorCode: string;
  fields: string[];
}

export interface SObject {
  id: string;
  type: string;
  fields: Record<string, unknown>;
  deleted: boolean;
  createdAt: number;
  modstamp: number;
  /** The `Sforce-Call-Options` client of the last write (`parley`), as change events report it. */
  lastClient: string | null;
}

export type WriteResult =
  | { ok: true; id: string; created: boolean }
  | { ok: false; status: number; errors: SfError[]; violation: boolean };

function fail(
  status: number,
  errorCode: string,
  message: string,
  fields: string[] = [],
  violation = false,
): WriteResult {
  return { ok: false, status, errors: [{ message, errorCode, fields }], violation };
}

/** Salesforce's datetime form: milliseconds and a `+0000` offset. */
export function sfDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** The org as plain data: records by id, one index per external id, nothing scanned per write. */
export class OrgState {
  readonly records = new Map<string, SObject>();
  private readonly byType = new Map<string, Map<string, SObject>>();
  private readonly external = new Map<string, Map<string, string>>();
  private sequence = 0;
  private lastStamp = 0;

  constructor(readonly instanceUrl: string) {}

  /** Strictly increasing, so a (SystemModstamp, Id) keyset never sees two writes at one instant. */
  private stamp(): number {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  of(type: string): Iterable<SObject> {
    return this.byType.get(type)?.values() ?? [];
  }

  externalId(type: string, field: string, value: string): SObject | undefined {
    const id = this.external.get(`${type}.${field}`)?.get(value.toLowerCase());
    return id ? this.records.get(id) : undefined;
  }

  get(id: string): SObject | undefined {
    return this.records.get(id);
  }

  private validate(model: ObjectModel, type: string, body: Record<string, unknown>, creating: boolean) {
    const unknown = Object.keys(body).filter((name) => !(name in model.writable.shape));
    if (unknown.length > 0) {
      return fail(
        400,
        'INVALID_FIELD',
        `No such column '${unknown[0]}' on sobject of type ${type}`,
        unknown,
        true,
      );
    }
    if (!creating) {
      const refused = Object.keys(body).filter((name) => model.createOnly.includes(name));
      if (refused.length > 0) {
        return fail(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${refused.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          refused,
        );
      }
    }
    const parsed = model.writable.partial().safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      const code = issue?.code === 'too_big' ? 'STRING_TOO_LONG' : 'JSON_PARSER_ERROR';
      return fail(400, code, `${field}: ${issue?.message ?? 'bad value'}`, [field], true);
    }
    const missing = creating ? model.required.filter((name) => body[name] == null) : [];
    if (missing.length > 0) {
      return fail(
        400,
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.join(', ')}]`,
        missing,
      );
    }
    for (const [name, value] of Object.entries(body)) {
      if (!/Id$/.test(name) || name === 'Id' || typeof value !== 'string' || name.endsWith('__c')) continue;
      const target = this.records.get(value);
      if (!target) return fail(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [name]);
      if (target.deleted) return fail(400, 'ENTITY_IS_DELETED', 'entity is deleted', [name]);
    }
    return null;
  }

  private index(record: SObject, model: ObjectModel): void {
    for (const field of model.externalIds) {
      const value = record.fields[field];
      if (typeof value !== 'string') continue;
      const key = `${record.type}.${field}`;
      const index = this.external.get(key) ?? new Map<string, string>();
      this.external.set(key, index);
      index.set(value.toLowerCase(), record.id);
    }
  }

  /** Records the org has without Parley's writes (its users, its organization), unvalidated. */
  insert(type: string, fields: Record<string, unknown>): string {
    const model = MODELS[type];
    if (!model) throw new Error(`no model for ${type}`);
    const now = this.stamp();
    const record: SObject = {
      id: makeId(model.prefix, ++this.sequence),
      type,
      fields: { ...DEFAULTS[type], ...fields },
      deleted: false,
      createdAt: now,
      modstamp: now,
      lastClient: null,
    };
    this.records.set(record.id, record);
    const ofType = this.byType.get(type) ?? new Map<string, SObject>();
    this.byType.set(type, ofType);
    ofType.set(record.id, record);
    this.index(record, model);
    return record.id;
  }

  create(type: string, body: Record<string, unknown>, client: string | null): WriteResult {
    const model = MODELS[type];
    if (!model) return fail(404, 'NOT_FOUND', `The requested resource does not exist`, [], true);
    const problem = this.validate(model, type, body, true);
    if (problem) return problem;
    for (const field of model.externalIds) {
      const value = body[field];
      if (typeof value === 'string' && this.externalId(type, field, value)) {
        return fail(400, 'DUPLICATE_VALUE', `duplicate value found: ${field} duplicates value on record`, [
          field,
        ]);
      }
    }
    const id = this.insert(type, body);
    const record = this.records.get(id);
    if (record) record.lastClient = client;
    return { ok: true, id, created: true };
  }

  update(type: string, id: string, body: Record<string, unknown>, client: string | null): WriteResult {
    const model = MODELS[type];
    const record = this.records.get(id);
    if (!model || !record || record.type !== type) {
      return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    if (record.deleted) return fail(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    const problem = this.validate(model, type, body, false);
    if (problem) return problem;
    Object.assign(record.fields, body);
    record.modstamp = this.stamp();
    record.lastClient = client;
    this.index(record, model);
    return { ok: true, id, created: false };
  }

  /** Upsert by external id (api_rest guide, "Insert or Update (Upsert) a Record Using an External ID"). */
  upsert(
    type: string,
    field: string,
    value: string,
    body: Record<string, unknown>,
    client: string | null,
  ): WriteResult {
    const model = MODELS[type];
    if (!model?.externalIds.includes(field)) {
      return fail(
        400,
        'INVALID_FIELD',
        `Field ${field} is not an External ID or Unique field on ${type}`,
        [field],
        true,
      );
    }
    if (field in body && body[field] !== value) {
      return fail(400, 'INVALID_FIELD', `${field} in the body does not match the URL`, [field], true);
    }
    const existing = this.externalId(type, field, value);
    if (existing) return this.update(type, existing.id, body, client);
    return this.create(type, { ...body, [field]: value }, client);
  }

  remove(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    record.deleted = true;
    record.modstamp = this.stamp();
    record.lastClient = null;
  }

  touch(id: string, fields: Record<string, unknown>): void {
    const record = this.records.get(id);
    if (!record) return;
    Object.assign(record.fields, fields);
    record.modstamp = this.stamp();
    record.lastClient = null;
  }

  /** A field's value as SOQL sees it: system fields, the compound Name, relationship paths. */
  value(record: SObject, field: string): unknown {
    const name = field.toLowerCase();
    if (name === 'id') return record.id;
    if (name === 'isdeleted') return record.deleted;
    if (name === 'systemmodstamp' || name === 'lastmodifieddate') return record.modstamp;
    if (name === 'createddate') return record.createdAt;
    if (name === 'name' && (record.type === 'Contact' || record.type === 'Lead')) {
      return [record.fields.FirstName, record.fields.LastName].filter(Boolean).join(' ');
    }
    const [head, child] = field.split('.');
    if (child && head) {
      const target = this.records.get(String(record.fields[`${head}Id`] ?? ''));
      return target ? this.value(target, child) : null;
    }
    const key = Object.keys(record.fields).find((candidate) => candidate.toLowerCase() === name);
    return key === undefined ? null : record.fields[key];
  }

  matches(record: SObject, condition: Condition | undefined): boolean {
    if (!condition) return true;
    switch (condition.kind) {
      case 'and':
        return this.matches(record, condition.left) && this.matches(record, condition.right);
      case 'or':
        return this.matches(record, condition.left) || this.matches(record, condition.right);
      case 'not':
        return !this.matches(record, condition.inner);
      case 'compare':
        return compare(this.value(record, condition.field), condition.op, condition.value);
    }
  }

  /** Rows for a parsed query; callers checked the fields against the model first. */
  select(query: SoqlQuery, includeDeleted: boolean): SObject[] {
    const rows = [...this.of(query.object)].filter(
      (record) => (includeDeleted || !record.deleted) && this.matches(record, query.where),
    );
    if (query.orderBy.length > 0) {
      rows.sort((a, b) => {
        for (const order of query.orderBy) {
          const diff = order3(this.value(a, order.field), this.value(b, order.field));
          if (diff !== 0) return order.descending ? -diff : diff;
        }
        return 0;
      });
    }
    return query.limit === undefined ? rows : rows.slice(0, query.limit);
  }

  /** The JSON Salesforce returns for a record and the selected fields. */
  project(record: SObject, fields: readonly string[]): Record<string, unknown> {
    const row: Record<string, unknown> = { attributes: this.attributes(record) };
    for (const field of fields) {
      const [head, child] = field.split('.');
      if (child && head) {
        const target = this.records.get(String(record.fields[`${head}Id`] ?? ''));
        row[head] = target
          ? { attributes: this.attributes(target), [child]: this.value(target, child) }
          : null;
        continue;
      }
      const model = MODELS[record.type];
      const canonical = model?.readable.find((name) => name.toLowerCase() === field.toLowerCase()) ?? field;
      const value = this.value(record, field);
      row[canonical] =
        /Date$|Modstamp$/.test(canonical) && typeof value === 'number' ? sfDateTime(value) : (value ?? null);
    }
    return row;
  }

  private attributes(record: SObject) {
    return { type: record.type, url: `/services/data/v62.0/sobjects/${record.type}/${record.id}` };
  }

  /** Fields of `query` no model lets it read, for INVALID_FIELD. */
  unreadable(query: SoqlQuery): string[] {
    const model = MODELS[query.object];
    if (!model) return [query.object];
    const named = [
      ...query.fields,
      ...query.orderBy.map((order) => order.field),
      ...conditionFields(query.where),
    ];
    return named.filter((field) => !isReadable(model, field));
  }
}
