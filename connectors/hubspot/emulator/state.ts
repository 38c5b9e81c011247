import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normaliseForCompare } from '../../core/phone.ts';

/** A CRM record as the emulated portal holds it; property values are strings, as HubSpot's are. */
export interface HsObject {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export interface HsProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  hasUniqueValue: boolean;
  createdAt: number;
}

export type ObjectType = 'contacts' | 'calls' | 'notes';
export const OBJECT_TYPES: readonly ObjectType[] = ['contacts', 'calls', 'notes'];
export function isObjectType(value: string): value is ObjectType {
  return (OBJECT_TYPES as readonly string[]).includes(value);
}

/** Object type ids, as association answers name them. */
export const TYPE_ID: Readonly<Record<ObjectType, string>> = {
  contacts: '0-1',
  calls: '0-48',
  notes: '0-46',
};

/** Properties every portal has (a subset: the ones Parley writes or reads); writes to others are refused. */
const DEFAULT_PROPERTIES: Readonly<Record<ObjectType, readonly string[]>> = {
  contacts: [
    'firstname',
    'lastname',
    'company',
    'email',
    'phone',
    'mobilephone',
    'lifecyclestage',
    'hubspot_owner_id',
  ],
  calls: [
    'hs_timestamp',
    'hs_call_title',
    'hs_call_body',
    'hs_call_duration',
    'hs_call_direction',
    'hs_call_from_number',
    'hs_call_to_number',
    'hs_call_status',
    'hs_call_disposition',
    'hs_call_recording_url',
    'hs_call_source',
    'hs_call_external_id',
    'hs_call_external_account_id',
    'hs_call_app_id',
    'hubspot_owner_id',
  ],
  notes: ['hs_timestamp', 'hs_note_body', 'hubspot_owner_id', 'hs_attachment_ids'],
};

/** Contacts' `email` is HubSpot's own unique property (the default `idProperty` of contact upserts). */
const DEFAULT_UNIQUE: Readonly<Record<ObjectType, readonly string[]>> = {
  contacts: ['email'],
  calls: [],
  notes: [],
};

/** Plain data with Map indexes: every request is O(1) or O(log n) except search, as HubSpot's is an index. */
export class HubspotState {
  readonly portalId = 62515001;
  readonly hubDomain = 'parley-emulator.hubspot.com';
  readonly user = { id: 7001, email: 'admin@parley.example' };
  readonly appId = 3003;
  readonly defaultCountry = 'FR';
  readonly owners = [
    { id: '81001', email: 'admin@parley.example', firstName: 'Ada', lastName: 'Admin', userId: 7001 },
    { id: '81002', email: 'rep@parley.example', firstName: 'Remy', lastName: 'Rep', userId: 7002 },
  ];
  readonly dispositions = [
    { id: '9d9162e7-6cf3-4944-bf63-4dff82258764', label: 'Busy', deleted: false },
    { id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected', deleted: false },
    { id: 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff', label: 'Left live message', deleted: false },
    { id: 'b2cf5968-551e-4856-9783-52b3da59a7d0', label: 'Left voicemail', deleted: false },
    { id: '73a0d17f-1163-4015-bdd5-ec830791da20', label: 'No answer', deleted: false },
    { id: '17b47fee-58de-441e-a44c-c6300d46f273', label: 'Wrong number', deleted: false },
  ];

  readonly objects: Record<ObjectType, Map<string, HsObject>> = {
    contacts: new Map(),
    calls: new Map(),
    notes: new Map(),
  };
  /** `${type}/${property}` → value → record id, for every unique property. */
  readonly unique = new Map<string, Map<string, string>>();
  readonly properties: Record<ObjectType, Map<string, HsProperty>> = {
    contacts: new Map(),
    calls: new Map(),
    notes: new Map(),
  };
  readonly groups: Record<ObjectType, Set<string>> = {
    contacts: new Set(['contactinformation']),
    calls: new Set(['callinformation']),
    notes: new Set(['noteinformation']),
  };
  /** Every `recordings/ready` HubSpot accepted, in order, with the call's properties then. */
  readonly recordingsReady: Array<{ engagementId: string; properties: Record<string, string> }> = [];
  /** Engagement (`calls:12`, `notes:13`) → contact ids. */
  readonly links = new Map<string, Set<string>>();
  /** National digits → contact ids, for `hs_searchable_calculated_{phone,mobile}_number`. */
  readonly phoneIndex = {
    phone: new Map<string, Set<string>>(),
    mobilephone: new Map<string, Set<string>>(),
  };

  private nextId = 10_001;

  constructor() {
    for (const type of OBJECT_TYPES) {
      for (const name of DEFAULT_PROPERTIES[type]) {
        this.properties[type].set(name, {
          name,
          label: name,
          type: 'string',
          fieldType: 'text',
          groupName: [...this.groups[type]][0] ?? 'default',
          description: '',
          hasUniqueValue: DEFAULT_UNIQUE[type].includes(name),
          createdAt: 0,
        });
      }
      for (const name of DEFAULT_UNIQUE[type]) this.unique.set(`${type}/${name}`, new Map());
    }
  }

  newId(): string {
    return String(this.nextId++);
  }

  addProperty(type: ObjectType, property: HsProperty): void {
    this.properties[type].set(property.name, property);
    if (property.hasUniqueValue) this.unique.set(`${type}/${property.name}`, new Map());
  }

  findByUnique(type: ObjectType, property: string, value: string): HsObject | undefined {
    const id = this.unique.get(`${type}/${property}`)?.get(value);
    const found = id ? this.objects[type].get(id) : undefined;
    return found && !found.archived ? found : undefined;
  }

  /** The unique property a write would collide on, if any. */
  collision(type: ObjectType, id: string | null, properties: Record<string, string>): string | null {
    for (const [name, value] of Object.entries(properties)) {
      const owner = this.unique.get(`${type}/${name}`)?.get(value);
      if (owner && owner !== id && !this.objects[type].get(owner)?.archived) return name;
    }
    return null;
  }

  create(type: ObjectType, properties: Record<string, string>, at: number): HsObject {
    const record: HsObject = {
      id: this.newId(),
      properties: {},
      createdAt: at,
      updatedAt: at,
      archived: false,
    };
    this.objects[type].set(record.id, record);
    this.write(type, record, properties, at);
    return record;
  }

  write(type: ObjectType, record: HsObject, properties: Record<string, string>, at: number): void {
    this.unindex(type, record);
    Object.assign(record.properties, properties);
    record.updatedAt = at;
    this.index(type, record);
  }

  archive(type: ObjectType, record: HsObject, at: number): void {
    // Archived records free their unique values here; whether HubSpot keeps them reserved while the
    // record sits in the recycle bin is not documented (verify).
    this.unindex(type, record);
    record.archived = true;
    record.updatedAt = at;
  }

  link(type: ObjectType, id: string, contactId: string): void {
    const key = `${type}:${id}`;
    const set = this.links.get(key) ?? new Set<string>();
    set.add(contactId);
    this.links.set(key, set);
  }

  linked(type: ObjectType, id: string): string[] {
    return [...(this.links.get(`${type}:${id}`) ?? [])];
  }

  live(type: ObjectType, id: string): HsObject | undefined {
    const record = this.objects[type].get(id);
    return record && !record.archived ? record : undefined;
  }

  /** HubSpot's computed index: the national significant number of what was typed. */
  searchableDigits(raw: string | undefined): string | null {
    if (!raw) return null;
    const e164 = normaliseForCompare(raw, this.defaultCountry);
    const parsed = e164 ? parsePhoneNumberFromString(e164) : undefined;
    return parsed ? String(parsed.nationalNumber) : null;
  }

  private index(type: ObjectType, record: HsObject): void {
    for (const [name, values] of this.uniqueIndexes(type)) {
      const value = record.properties[name];
      if (value) values.set(value, record.id);
    }
    if (type !== 'contacts') return;
    for (const field of ['phone', 'mobilephone'] as const) {
      const digits = this.searchableDigits(record.properties[field]);
      if (!digits) continue;
      const ids = this.phoneIndex[field].get(digits) ?? new Set<string>();
      ids.add(record.id);
      this.phoneIndex[field].set(digits, ids);
    }
  }

  private unindex(type: ObjectType, record: HsObject): void {
    for (const [name, values] of this.uniqueIndexes(type)) {
      const value = record.properties[name];
      if (value && values.get(value) === record.id) values.delete(value);
    }
    if (type !== 'contacts') return;
    for (const field of ['phone', 'mobilephone'] as const) {
      const digits = this.searchableDigits(record.properties[field]);
      if (digits) this.phoneIndex[field].get(digits)?.delete(record.id);
    }
  }

  private *uniqueIndexes(type: ObjectType): Generator<[string, Map<string, string>]> {
    for (const [key, values] of this.unique) {
      const [owner, name] = key.split('/');
      if (owner === type && name) yield [name, values];
    }
  }
}
