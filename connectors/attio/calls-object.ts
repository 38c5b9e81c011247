import type { AttioClient, AttributeInput } from './client.ts';
import { CALLS_OBJECT, DIRECTION_TITLES, PARLEY_ID_ATTRIBUTE, RESULT_TITLES } from './map.ts';

/** The calls object's attributes; `call_id` is unique so the assert endpoint can upsert on it. */
export const CALL_ATTRIBUTES: readonly AttributeInput[] = [
  { title: 'Call ID', api_slug: 'call_id', type: 'text', is_unique: true },
  { title: 'Direction', api_slug: 'direction', type: 'select' },
  { title: 'Result', api_slug: 'result', type: 'select' },
  { title: 'Started at', api_slug: 'started_at', type: 'timestamp' },
  { title: 'Duration (s)', api_slug: 'duration_seconds', type: 'number' },
  { title: 'From', api_slug: 'from_number', type: 'phone-number' },
  { title: 'To', api_slug: 'to_number', type: 'phone-number' },
  { title: 'Person', api_slug: 'person', type: 'record-reference', allowedObjects: ['people'] },
  { title: 'Owner', api_slug: 'owner', type: 'actor-reference' },
  { title: 'Member', api_slug: 'member_email', type: 'text' },
  { title: 'Notes', api_slug: 'notes', type: 'text' },
  { title: 'Summary', api_slug: 'summary', type: 'text' },
  { title: 'Transcript', api_slug: 'transcript', type: 'text' },
  { title: 'Recording', api_slug: 'recording_url', type: 'text' },
  { title: 'Disposition', api_slug: 'disposition', type: 'text' },
];

const SELECT_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  direction: Object.values(DIRECTION_TITLES),
  result: Object.values(RESULT_TITLES),
};

/**
 * Creates, once per connector, what Parley writes into: the calls object with its attributes and
 * select options, and `parley_contact_id` on people. Each step reads first, so a second Parley
 * instance (or a retry after a crash) finds the work done instead of failing on `slug_conflict`.
 */
export class WorkspaceSchema {
  private calls: Promise<void> | null = null;
  private people: Promise<void> | null = null;

  constructor(private readonly client: AttioClient) {}

  callsObject(): Promise<void> {
    this.calls ??= this.ensureCalls().catch((error: unknown) => {
      this.calls = null;
      throw error;
    });
    return this.calls;
  }

  peopleAttribute(): Promise<void> {
    this.people ??= this.ensureAttributes('people', [
      { title: 'Parley contact ID', api_slug: PARLEY_ID_ATTRIBUTE, type: 'text', is_unique: true },
    ]).catch((error: unknown) => {
      this.people = null;
      throw error;
    });
    return this.people;
  }

  private async ensureCalls(): Promise<void> {
    if (!(await this.client.objectExists(CALLS_OBJECT))) {
      await this.client.createObject(CALLS_OBJECT, 'Call', 'Calls');
    }
    await this.ensureAttributes(CALLS_OBJECT, CALL_ATTRIBUTES);
    for (const [attribute, titles] of Object.entries(SELECT_OPTIONS)) {
      const existing = new Set(await this.client.listOptions(CALLS_OBJECT, attribute));
      for (const title of titles) {
        if (!existing.has(title)) await this.client.createOption(CALLS_OBJECT, attribute, title);
      }
    }
  }

  private async ensureAttributes(object: string, wanted: readonly AttributeInput[]): Promise<void> {
    const existing = new Set(
      (await this.client.listAttributes(object)).map((attribute) => attribute.api_slug),
    );
    for (const attribute of wanted) {
      if (!existing.has(attribute.api_slug)) await this.client.createAttribute(object, attribute);
    }
  }
}
