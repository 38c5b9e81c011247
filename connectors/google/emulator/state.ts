import { randomBytes } from 'node:crypto';

/** A contact as Google holds it: phones as typed, a deletion kept as a tombstone for sync tokens. */
export interface HeldContact {
  resourceName: string;
  /** The CONTACT source id (the part after `people/c`), as `metadata.sources[].id` shows it. */
  sourceId: string;
  etag: string;
  name: string;
  company: string | null;
  emails: string[];
  phones: string[];
  /** `userDefined` entries, like Parley's `parley_id`. */
  userDefined: Array<{ key: string; value: string }>;
  updatedAt: number;
  deleted: boolean;
  /** Position in the change log of this contact's latest change. */
  seq: number;
}

export type ContactFields = Pick<HeldContact, 'name' | 'company' | 'emails' | 'phones' | 'userDefined'>;

/**
 * The address book and its change log. Every change appends `{seq, resourceName}`; an entry is live
 * while the contact's own `seq` still equals it, so a pass reads the log in order and skips stale
 * entries: each contact once, at its latest change, with no scan of the whole book per request.
 */
export class GoogleState {
  readonly contacts = new Map<string, HeldContact>();
  private readonly log: Array<{ seq: number; resourceName: string }> = [];
  private seq = 0;
  readonly user = {
    resourceName: 'people/104512345678901234567',
    email: 'admin@parley.example',
    name: 'Ada Admin',
  };

  create(fields: ContactFields, now: number): HeldContact {
    const sourceId = randomBytes(8).toString('hex');
    const contact: HeldContact = {
      ...fields,
      resourceName: `people/c${BigInt(`0x${sourceId}`).toString()}`,
      sourceId,
      etag: '',
      updatedAt: now,
      deleted: false,
      seq: 0,
    };
    this.contacts.set(contact.resourceName, contact);
    this.changed(contact, now);
    return contact;
  }

  update(contact: HeldContact, fields: Partial<ContactFields>, now: number): void {
    Object.assign(contact, fields);
    this.changed(contact, now);
  }

  remove(contact: HeldContact, now: number): void {
    contact.deleted = true;
    this.changed(contact, now);
  }

  live(resourceName: string): HeldContact | undefined {
    const contact = this.contacts.get(resourceName);
    return contact && !contact.deleted ? contact : undefined;
  }

  /** The log position after every change so far: what a sync token issued now remembers. */
  get head(): number {
    return this.seq;
  }

  /** Index of the first log entry whose seq is above `seq` (binary search: the log is in seq order). */
  indexAfter(seq: number): number {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const entry = this.log[mid];
      if (entry && entry.seq <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  get logLength(): number {
    return this.log.length;
  }

  /** The contact at log index `index` when that entry is its latest change, else undefined. */
  at(index: number): HeldContact | undefined {
    const entry = this.log[index];
    const contact = entry ? this.contacts.get(entry.resourceName) : undefined;
    return contact && entry && contact.seq === entry.seq ? contact : undefined;
  }

  private changed(contact: HeldContact, now: number): void {
    this.seq++;
    contact.seq = this.seq;
    contact.updatedAt = now;
    contact.etag = `%Eg${randomBytes(9).toString('base64url')}`;
    this.log.push({ seq: this.seq, resourceName: contact.resourceName });
  }
}
