import { randomUUID } from 'node:crypto';

/** An output value as Attio returns it: `active_from`, `attribute_type` and the type's own fields. */
export type StoredValue = Record<string, unknown> & { active_from: string; attribute_type: string };

export interface AttributeDef {
  id: string;
  slug: string;
  title: string;
  type: string;
  isUnique: boolean;
  isMultiselect: boolean;
  isSystem: boolean;
  createdAt: string;
  /** Select options by title. */
  options: Map<string, { id: string; title: string }>;
  allowedObjects: string[];
}

export interface ObjectDef {
  id: string;
  slug: string;
  singular: string;
  plural: string;
  createdAt: string;
  attributes: Map<string, AttributeDef>;
  /** Records in creation order (Map keeps insertion order), so offset paging is stable. */
  records: Map<string, StoredRecord>;
  /** attribute slug → unique key → record id. */
  unique: Map<string, Map<string, string>>;
}

export interface StoredRecord {
  id: string;
  object: string;
  createdAt: string;
  values: Map<string, StoredValue[]>;
}

export interface StoredNote {
  id: string;
  parentObject: string;
  parentRecordId: string;
  title: string;
  content: string;
  createdAt: string;
}

export interface Member {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

let lastMs = 0;
let tick = 0;

/** Attio's nanosecond timestamps; strictly increasing, so two writes in one millisecond still order. */
export function nowNs(ms = Date.now()): string {
  if (ms <= lastMs) tick++;
  else {
    lastMs = ms;
    tick = 0;
  }
  const base = new Date(lastMs).toISOString().slice(0, -1);
  return `${base}${String(tick).padStart(6, '0')}Z`;
}

/** Everything the emulated workspace holds: plain data with Map indexes. */
export class AttioState {
  readonly workspaceId = randomUUID();
  readonly workspaceSlug = 'parley-test';
  readonly workspaceName = 'Parley Test';
  readonly objects = new Map<string, ObjectDef>();
  readonly notes = new Map<string, StoredNote>();
  readonly notesByParent = new Map<string, string[]>();
  readonly members: Member[] = [
    { id: randomUUID(), firstName: 'Ada', lastName: 'Admin', email: 'ada@parley.example' },
    { id: randomUUID(), firstName: 'Rep', lastName: 'One', email: 'rep@parley.example' },
  ];
  /** Live access tokens → the member who authorised them. */
  readonly tokens = new Map<string, string>();
  readonly tokenId = randomUUID();

  constructor() {
    const people = this.addObject('people', 'Person', 'People', true);
    this.addAttribute(people, { slug: 'name', title: 'Name', type: 'personal-name', isSystem: true });
    this.addAttribute(people, {
      slug: 'email_addresses',
      title: 'Email addresses',
      type: 'email-address',
      isUnique: true,
      isMultiselect: true,
      isSystem: true,
    });
    this.addAttribute(people, {
      slug: 'phone_numbers',
      title: 'Phone numbers',
      type: 'phone-number',
      isMultiselect: true,
      isSystem: true,
    });
    this.addAttribute(people, {
      slug: 'company',
      title: 'Company',
      type: 'record-reference',
      isSystem: true,
      allowedObjects: ['companies'],
    });
    const companies = this.addObject('companies', 'Company', 'Companies', true);
    this.addAttribute(companies, { slug: 'name', title: 'Name', type: 'text', isSystem: true });
  }

  addObject(slug: string, singular: string, plural: string, system = false): ObjectDef {
    const object: ObjectDef = {
      id: randomUUID(),
      slug,
      singular,
      plural,
      createdAt: nowNs(),
      attributes: new Map(),
      records: new Map(),
      unique: new Map(),
    };
    this.objects.set(slug, object);
    if (system) {
      this.addAttribute(object, {
        slug: 'created_at',
        title: 'Created at',
        type: 'timestamp',
        isSystem: true,
      });
    }
    return object;
  }

  addAttribute(
    object: ObjectDef,
    input: Pick<AttributeDef, 'slug' | 'title' | 'type'> & Partial<AttributeDef>,
  ): AttributeDef {
    const attribute: AttributeDef = {
      id: randomUUID(),
      isUnique: false,
      isMultiselect: false,
      isSystem: false,
      createdAt: nowNs(),
      options: new Map(),
      allowedObjects: [],
      ...input,
    };
    object.attributes.set(attribute.slug, attribute);
    if (attribute.isUnique) object.unique.set(attribute.slug, new Map());
    return attribute;
  }

  /** Where a record is, by id alone (record references and notes name only the id). */
  findRecord(id: string): StoredRecord | undefined {
    for (const object of this.objects.values()) {
      const record = object.records.get(id);
      if (record) return record;
    }
    return undefined;
  }

  deleteRecord(id: string): void {
    const record = this.findRecord(id);
    if (!record) return;
    const object = this.objects.get(record.object);
    if (!object) return;
    object.records.delete(id);
    for (const [slug, index] of object.unique) {
      for (const value of record.values.get(slug) ?? []) index.delete(uniqueKey(value));
    }
  }

  addNote(note: StoredNote): void {
    this.notes.set(note.id, note);
    const list = this.notesByParent.get(note.parentRecordId) ?? [];
    list.push(note.id);
    this.notesByParent.set(note.parentRecordId, list);
  }
}

/** The key a unique attribute's value is matched on. */
export function uniqueKey(value: StoredValue): string {
  if (typeof value.email_address === 'string') return value.email_address.toLowerCase();
  if (typeof value.value === 'string' || typeof value.value === 'number') return String(value.value);
  if (typeof value.phone_number === 'string') return value.phone_number;
  return JSON.stringify(value);
}
