import { z } from 'zod';
import type { ConnectorDeps, RateSpec } from '../core/descriptor.ts';
import { CrmError } from '../core/errors.ts';
import { createHttpClient, type HttpClient, type HttpRequest } from '../core/http.ts';
import type { AttioConfig } from './config.ts';
import { toCrmError } from './errors.ts';
import { AttioRecord } from './map.ts';

/**
 * Attio allows 100 reads and 25 writes a second per workspace (docs `rest-api/guides/rate-limiting`);
 * the descriptor holds one budget, so it is the write limit, which reads then also respect.
 */
export const ATTIO_RATE: RateSpec = { budget: { requests: 25, perMs: 1_000 } };

export const SelfSchema = z.union([
  z.object({
    active: z.literal(true),
    workspace_id: z.string(),
    workspace_slug: z.string(),
    workspace_name: z.string(),
    authorized_by_workspace_member_id: z.string(),
    exp: z.number().nullable(),
  }),
  z.object({ active: z.literal(false) }),
]);
export type AttioSelf = z.infer<typeof SelfSchema>;

const AttributeSchema = z.object({
  id: z.object({ attribute_id: z.string() }),
  api_slug: z.string(),
  type: z.string(),
  is_archived: z.boolean(),
});
export type AttioAttribute = z.infer<typeof AttributeSchema>;
const OptionSchema = z.object({ title: z.string(), is_archived: z.boolean() });
const NoteSchema = z.object({
  id: z.object({ note_id: z.string() }),
  parent_record_id: z.string(),
  title: z.string(),
});
export type AttioNote = z.infer<typeof NoteSchema>;
const MemberSchema = z.object({
  id: z.object({ workspace_member_id: z.string() }),
  first_name: z.string(),
  last_name: z.string(),
  email_address: z.string(),
  access_level: z.string(),
});
export type AttioMember = z.infer<typeof MemberSchema>;

const dataOf = <T extends z.ZodType>(item: T) => z.object({ data: item });

export interface AttributeInput {
  title: string;
  api_slug: string;
  type: string;
  is_unique?: boolean;
  is_multiselect?: boolean;
  allowedObjects?: string[];
}

/** Every Attio call Parley makes, on the shared HTTP engine; answers are parsed with zod here. */
export class AttioClient {
  private readonly http: HttpClient;

  constructor(
    private readonly config: AttioConfig,
    deps: ConnectorDeps,
    fetchImpl?: typeof fetch,
  ) {
    this.http = createHttpClient({
      crm: 'attio',
      baseUrl: config.apiBaseUrl,
      rate: ATTIO_RATE,
      limiter: deps.limiter,
      rateKey: deps.rateKey,
      clock: deps.clock,
      toCrmError,
      headers: () => ({ authorization: `Bearer ${this.config.accessToken}` }),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  }

  private async call<T extends z.ZodType>(request: HttpRequest, schema: T): Promise<z.infer<T>> {
    const response = await this.http.request(request);
    const parsed = schema.safeParse(response.json());
    if (!parsed.success) {
      throw new CrmError('unavailable', `Attio answered ${request.path} in a shape Parley does not know.`, {
        crm: 'attio',
        status: response.status,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/meta/identify */
  self(): Promise<AttioSelf> {
    return this.call({ method: 'GET', path: '/v2/self' }, SelfSchema);
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/records/list-records (a read, safe to resend) */
  async queryRecords(object: string, body: Record<string, unknown>): Promise<AttioRecord[]> {
    const path = `/v2/objects/${object}/records/query`;
    const result = await this.call(
      { method: 'POST', path, json: body, idempotent: true },
      dataOf(z.array(AttioRecord)),
    );
    return result.data;
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/records/assert-a-record: idempotent on a unique attribute. */
  async assertRecord(object: string, matching: string, values: Record<string, unknown[]>) {
    const result = await this.call(
      {
        method: 'PUT',
        path: `/v2/objects/${object}/records`,
        query: { matching_attribute: matching },
        json: { data: { values } },
      },
      dataOf(AttioRecord),
    );
    return result.data;
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/records/update-a-record-overwrite-multiselect-values */
  async overwriteRecord(object: string, recordId: string, values: Record<string, unknown[]>) {
    const result = await this.call(
      { method: 'PUT', path: `/v2/objects/${object}/records/${recordId}`, json: { data: { values } } },
      dataOf(AttioRecord),
    );
    return result.data;
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/records/create-a-record */
  async createRecord(object: string, values: Record<string, unknown[]>) {
    const result = await this.call(
      { method: 'POST', path: `/v2/objects/${object}/records`, json: { data: { values } } },
      dataOf(AttioRecord),
    );
    return result.data;
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/objects/get-an-object; null when absent. */
  async objectExists(object: string): Promise<boolean> {
    try {
      await this.call({ method: 'GET', path: `/v2/objects/${object}` }, dataOf(z.unknown()));
      return true;
    } catch (error) {
      if (error instanceof CrmError && error.kind === 'not_found') return false;
      throw error;
    }
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/objects/create-an-object */
  async createObject(apiSlug: string, singular: string, plural: string): Promise<void> {
    await this.call(
      {
        method: 'POST',
        path: '/v2/objects',
        json: { data: { api_slug: apiSlug, singular_noun: singular, plural_noun: plural } },
      },
      dataOf(z.unknown()),
    );
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/attributes/list-attributes */
  async listAttributes(object: string): Promise<AttioAttribute[]> {
    const result = await this.call(
      { method: 'GET', path: `/v2/objects/${object}/attributes`, query: { show_archived: false } },
      dataOf(z.array(AttributeSchema)),
    );
    return result.data;
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/attributes/create-an-attribute */
  async createAttribute(object: string, input: AttributeInput): Promise<void> {
    const config = input.allowedObjects
      ? { record_reference: { allowed_objects: input.allowedObjects } }
      : {};
    await this.call(
      {
        method: 'POST',
        path: `/v2/objects/${object}/attributes`,
        json: {
          data: {
            title: input.title,
            description: 'Written by Parley',
            api_slug: input.api_slug,
            type: input.type,
            is_required: false,
            is_unique: input.is_unique ?? false,
            is_multiselect: input.is_multiselect ?? false,
            config,
          },
        },
      },
      dataOf(AttributeSchema),
    );
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/attributes/list-select-options */
  async listOptions(object: string, attribute: string): Promise<string[]> {
    const result = await this.call(
      { method: 'GET', path: `/v2/objects/${object}/attributes/${attribute}/options` },
      dataOf(z.array(OptionSchema)),
    );
    return result.data.filter((option) => !option.is_archived).map((option) => option.title);
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/attributes/create-a-select-option */
  async createOption(object: string, attribute: string, title: string): Promise<void> {
    await this.call(
      {
        method: 'POST',
        path: `/v2/objects/${object}/attributes/${attribute}/options`,
        json: { data: { title } },
      },
      dataOf(OptionSchema),
    );
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/notes/list-notes (50 at most a page) */
  async listNotes(parentObject: string, parentRecordId: string, offset: number, limit = 50) {
    const result = await this.call(
      {
        method: 'GET',
        path: '/v2/notes',
        query: { parent_object: parentObject, parent_record_id: parentRecordId, limit, offset },
      },
      dataOf(z.array(NoteSchema)),
    );
    return result.data;
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/notes/create-a-note */
  async createNote(input: {
    parentObject: string;
    parentRecordId: string;
    title: string;
    content: string;
    createdAt: Date;
  }): Promise<AttioNote> {
    const result = await this.call(
      {
        method: 'POST',
        path: '/v2/notes',
        json: {
          data: {
            parent_object: input.parentObject,
            parent_record_id: input.parentRecordId,
            title: input.title,
            format: 'plaintext',
            content: input.content,
            created_at: input.createdAt.toISOString(),
          },
        },
      },
      dataOf(NoteSchema),
    );
    return result.data;
  }

  /** https://docs.attio.com/rest-api/endpoint-reference/workspace-members/list-workspace-members */
  async workspaceMembers(): Promise<AttioMember[]> {
    const result = await this.call(
      { method: 'GET', path: '/v2/workspace_members' },
      dataOf(z.array(MemberSchema)),
    );
    return result.data;
  }
}
