import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  type AttioState,
  nowNs,
  type ObjectDef,
  type StoredRecord,
  type StoredValue,
  uniqueKey,
} from './state.ts';
import { type Actor, sameContent, toStored, WriteError } from './values.ts';

export type Values = Record<string, unknown[]>;

/** The values of a write as Attio keeps them; a value whose content did not change keeps its `active_from`. */
function applyValues(
  state: AttioState,
  object: ObjectDef,
  record: StoredRecord,
  values: Values,
  actor: Actor,
  defaultCountry: string | undefined,
  appendTo: string | null,
): void {
  const at = nowNs();
  const planned = new Map<string, StoredValue[]>();
  for (const [slug, raw] of Object.entries(values)) {
    const attribute = object.attributes.get(slug);
    if (!attribute)
      throw new WriteError(400, 'value_not_found', `Cannot find attribute with slug/ID "${slug}".`);
    if (attribute.isSystem && slug === 'created_at') continue;
    if (!attribute.isMultiselect && raw.length > 1) {
      throw new WriteError(400, 'validation_type', `Attribute "${slug}" takes one value.`);
    }
    const previous = record.values.get(slug) ?? [];
    const next = raw.map((item) => {
      const fresh = toStored(state, object.id, attribute, item, at, actor, defaultCountry);
      return previous.find((old) => sameContent(old, fresh)) ?? fresh;
    });
    // The assert's matching attribute only gains values (Attio's docs); any other is replaced.
    if (slug === appendTo)
      for (const old of previous) if (!next.some((v) => sameContent(v, old))) next.push(old);
    const index = object.unique.get(slug);
    for (const value of index ? next : []) {
      const owner = index?.get(uniqueKey(value));
      if (owner && owner !== record.id) {
        throw new WriteError(
          400,
          'validation_type',
          `Value for unique attribute "${slug}" is already taken.`,
        );
      }
    }
    planned.set(slug, next);
  }
  for (const [slug, next] of planned) {
    const index = object.unique.get(slug);
    for (const old of record.values.get(slug) ?? []) index?.delete(uniqueKey(old));
    for (const value of next) index?.set(uniqueKey(value), record.id);
    if (next.length === 0) record.values.delete(slug);
    else record.values.set(slug, next);
  }
}

export function createRecord(
  state: AttioState,
  object: ObjectDef,
  values: Values,
  actor: Actor,
  defaultCountry?: string,
): StoredRecord {
  const createdAt = nowNs();
  const record: StoredRecord = { id: randomUUID(), object: object.slug, createdAt, values: new Map() };
  if (object.attributes.has('created_at')) {
    record.values.set('created_at', [
      {
        active_from: createdAt,
        active_until: null,
        created_by_actor: actor,
        attribute_type: 'timestamp',
        value: createdAt,
      },
    ]);
  }
  applyValues(state, object, record, values, actor, defaultCountry, null);
  object.records.set(record.id, record);
  return record;
}

export function updateRecord(
  state: AttioState,
  object: ObjectDef,
  record: StoredRecord,
  values: Values,
  actor: Actor,
  appendTo: string | null = null,
): void {
  applyValues(state, object, record, values, actor, undefined, appendTo);
}

/** `PUT …/records?matching_attribute=`: the record holding the matching value, updated, or a new one. */
export function assertRecord(
  state: AttioState,
  object: ObjectDef,
  matching: string,
  values: Values,
  actor: Actor,
): StoredRecord {
  const attribute = object.attributes.get(matching);
  const index = object.unique.get(matching);
  if (!attribute || !index) {
    throw new WriteError(
      400,
      'value_not_found',
      `No attribute was found for matching_attribute slug/ID "${matching}".`,
    );
  }
  const given = values[matching] ?? [];
  if (given.length === 0) {
    throw new WriteError(400, 'value_not_found', `No value was given for matching attribute "${matching}".`);
  }
  for (const raw of given) {
    const key = uniqueKey(toStored(state, object.id, attribute, raw, nowNs(), actor));
    const existing = index.get(key);
    const record = existing ? object.records.get(existing) : undefined;
    if (record) {
      updateRecord(state, object, record, values, actor, matching);
      return record;
    }
  }
  return createRecord(state, object, values, actor);
}

const Condition = z.record(z.string(), z.unknown());
type Filter = (record: StoredRecord) => boolean;

const StringOps = z
  .object({ $eq: z.string(), $contains: z.string(), $starts_with: z.string(), $ends_with: z.string() })
  .partial()
  .strict();

function stringTest(raw: unknown): (text: string) => boolean {
  const ops = typeof raw === 'string' ? { $eq: raw } : StringOps.parse(raw);
  return (text) =>
    (ops.$eq === undefined || text === ops.$eq) &&
    (ops.$contains === undefined || text.includes(ops.$contains)) &&
    (ops.$starts_with === undefined || text.startsWith(ops.$starts_with)) &&
    (ops.$ends_with === undefined || text.endsWith(ops.$ends_with));
}

/** The part of Attio's filter language Parley uses; anything else is Attio's `filter_error`. */
export function compileFilter(object: ObjectDef, raw: unknown): Filter {
  const parsed = Condition.safeParse(raw);
  if (!parsed.success) throw new WriteError(400, 'filter_error', 'Error in filter.');
  const parts: Filter[] = [];
  for (const [key, value] of Object.entries(parsed.data)) {
    if (key === '$or' || key === '$and') {
      const list = z.array(z.unknown()).safeParse(value);
      if (!list.success) throw new WriteError(400, 'filter_error', `${key} takes a list.`);
      const filters = list.data.map((item) => compileFilter(object, item));
      parts.push(key === '$or' ? (r) => filters.some((f) => f(r)) : (r) => filters.every((f) => f(r)));
      continue;
    }
    if (key === 'record_id') {
      const ids = z.object({ $in: z.array(z.string()) }).safeParse(value);
      if (!ids.success) throw new WriteError(400, 'filter_error', 'record_id takes $in.');
      const wanted = new Set(ids.data.$in);
      parts.push((r) => wanted.has(r.id));
      continue;
    }
    const attribute = object.attributes.get(key);
    if (!attribute) throw new WriteError(400, 'filter_error', `Unknown attribute "${key}" in filter.`);
    try {
      if (attribute.type === 'phone-number') {
        const test = stringTest(z.object({ phone_number: z.unknown() }).strict().parse(value).phone_number);
        parts.push((r) =>
          (r.values.get(key) ?? []).some((v) => typeof v.phone_number === 'string' && test(v.phone_number)),
        );
      } else if (attribute.type === 'text') {
        const test = stringTest(value);
        parts.push((r) =>
          (r.values.get(key) ?? []).some((v) => typeof v.value === 'string' && test(v.value)),
        );
      } else throw new Error(`filtering on ${attribute.type} is not emulated`);
    } catch (error) {
      throw new WriteError(400, 'filter_error', `Error in filter on "${key}": ${String(error)}`);
    }
  }
  return (record) => parts.every((part) => part(record));
}
