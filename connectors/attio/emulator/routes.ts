import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { assertRecord, compileFilter, createRecord, updateRecord } from './records.ts';
import { type AttioState, type AttributeDef, nowNs, type ObjectDef, type StoredNote } from './state.ts';
import { type Actor, renderRecord, WriteError } from './values.ts';

export function attioError(status: number, type: string, code: string, message: string): EmuResponse {
  return { status, body: { status_code: status, type, code, message } };
}
const notFound = (message: string) => attioError(404, 'invalid_request_error', 'not_found', message);
const slugConflict = (slug: string) =>
  attioError(409, 'invalid_request_error', 'slug_conflict', `Slug "${slug}" is already in use.`);

const ValuesBody = z.object({ data: z.object({ values: z.record(z.string(), z.array(z.unknown())) }) });
const QueryBody = z.object({
  filter: z.unknown().optional(),
  sorts: z.array(z.object({ attribute: z.string(), direction: z.enum(['asc', 'desc']) })).optional(),
  limit: z.number().optional(),
  offset: z.number().optional(),
});
const ObjectBody = z.object({
  data: z.object({ api_slug: z.string(), singular_noun: z.string(), plural_noun: z.string() }),
});
const AttributeBody = z.object({
  data: z.object({
    title: z.string(),
    api_slug: z.string(),
    type: z.string(),
    is_unique: z.boolean(),
    is_multiselect: z.boolean(),
    config: z.object({ record_reference: z.object({ allowed_objects: z.array(z.string()) }).optional() }),
  }),
});
const OptionBody = z.object({ data: z.object({ title: z.string().min(1) }) });
const NoteBody = z.object({
  data: z.object({
    parent_object: z.string(),
    parent_record_id: z.string(),
    title: z.string(),
    format: z.enum(['plaintext', 'markdown']),
    content: z.string(),
    created_at: z.string().optional(),
  }),
});

function renderObject(state: AttioState, object: ObjectDef) {
  return {
    id: { workspace_id: state.workspaceId, object_id: object.id },
    api_slug: object.slug,
    singular_noun: object.singular,
    plural_noun: object.plural,
    created_at: object.createdAt,
  };
}

function renderAttribute(state: AttioState, object: ObjectDef, attribute: AttributeDef) {
  return {
    id: { workspace_id: state.workspaceId, object_id: object.id, attribute_id: attribute.id },
    title: attribute.title,
    description: null,
    api_slug: attribute.slug,
    type: attribute.type,
    is_system_attribute: attribute.isSystem,
    is_writable: attribute.slug !== 'created_at',
    is_required: false,
    is_unique: attribute.isUnique,
    is_multiselect: attribute.isMultiselect,
    is_default_value_enabled: false,
    is_archived: false,
    default_value: null,
    relationship: null,
    created_at: attribute.createdAt,
    config: {
      currency: { default_currency_code: null, display_type: null },
      record_reference: {
        allowed_object_ids:
          attribute.type === 'record-reference'
            ? attribute.allowedObjects.map((slug) => state.objects.get(slug)?.id ?? slug)
            : null,
      },
    },
  };
}

function renderOption(
  state: AttioState,
  object: ObjectDef,
  attribute: AttributeDef,
  option: { id: string; title: string },
) {
  return {
    id: {
      workspace_id: state.workspaceId,
      object_id: object.id,
      attribute_id: attribute.id,
      option_id: option.id,
    },
    title: option.title,
    is_archived: false,
  };
}

function renderNote(state: AttioState, note: StoredNote) {
  return {
    id: { workspace_id: state.workspaceId, note_id: note.id },
    parent_object: note.parentObject,
    parent_record_id: note.parentRecordId,
    title: note.title,
    meeting_id: null,
    content_plaintext: note.content,
    content_markdown: note.content,
    tags: [],
    created_by_actor: { type: 'api-token', id: state.tokenId },
    created_at: note.createdAt,
  };
}

function body<T extends z.ZodType>(schema: T, request: EmuRequest): z.infer<T> {
  const parsed = schema.safeParse(request.json);
  if (!parsed.success) throw new WriteError(400, 'validation_type', 'Body is not valid.');
  return parsed.data;
}

/** Maps one authorised `/v2` request to the workspace state; errors in Attio's shape. */
export function route(state: AttioState, request: EmuRequest, webBase: string): EmuResponse {
  const actor: Actor = { type: 'api-token', id: state.tokenId };
  const parts = request.path.split('/').filter(Boolean).slice(1);
  const [first, second, third, fourth, fifth] = parts;
  const method = request.method;
  const objectOf = (slug: string | undefined) => (slug ? state.objects.get(slug) : undefined);
  try {
    if (first === 'workspace_members' && parts.length === 1 && method === 'GET') {
      return {
        status: 200,
        body: {
          data: state.members.map((member) => ({
            id: { workspace_id: state.workspaceId, workspace_member_id: member.id },
            first_name: member.firstName,
            last_name: member.lastName,
            avatar_url: null,
            email_address: member.email,
            created_at: '2026-01-01T00:00:00.000000000Z',
            access_level: 'admin',
          })),
        },
      };
    }
    if (first === 'notes' && parts.length === 1) return notes(state, request);
    if (first !== 'objects') return notFound(`No route for ${method} ${request.path}.`);
    if (parts.length === 1 && method === 'POST') {
      const { data } = body(ObjectBody, request);
      if (state.objects.has(data.api_slug)) {
        return slugConflict(data.api_slug);
      }
      return {
        status: 200,
        body: {
          data: renderObject(
            state,
            state.addObject(data.api_slug, data.singular_noun, data.plural_noun, true),
          ),
        },
      };
    }
    const object = objectOf(second);
    if (!object) return notFound(`Object with slug/ID "${second}" not found.`);
    if (parts.length === 2 && method === 'GET')
      return { status: 200, body: { data: renderObject(state, object) } };
    if (third === 'attributes') return attributes(state, object, request, fourth, fifth);
    if (third !== 'records') return notFound(`No route for ${method} ${request.path}.`);
    const render = (record: Parameters<typeof renderRecord>[1]) => renderRecord(state, record, webBase);
    if (fourth === 'query' && method === 'POST') {
      const query = body(QueryBody, request);
      const filter = query.filter === undefined ? () => true : compileFilter(object, query.filter);
      let records = [...object.records.values()].filter(filter);
      const sort = query.sorts?.[0];
      if (sort && sort.attribute !== 'created_at') {
        throw new WriteError(400, 'filter_error', `Sorting on "${sort.attribute}" is not emulated.`);
      }
      if (sort?.direction === 'desc') records = records.reverse();
      const offset = query.offset ?? 0;
      return {
        status: 200,
        body: { data: records.slice(offset, offset + (query.limit ?? 500)).map(render) },
      };
    }
    if (fourth === undefined && method === 'PUT') {
      const matching = request.query.get('matching_attribute') ?? '';
      const record = assertRecord(state, object, matching, body(ValuesBody, request).data.values, actor);
      return { status: 200, body: { data: render(record) } };
    }
    if (fourth === undefined && method === 'POST') {
      const record = createRecord(state, object, body(ValuesBody, request).data.values, actor);
      return { status: 200, body: { data: render(record) } };
    }
    const record = fourth ? object.records.get(fourth) : undefined;
    if (!record) return notFound(`Record with ID "${fourth}" not found.`);
    if (method === 'GET') return { status: 200, body: { data: render(record) } };
    if (method === 'PUT' || method === 'PATCH') {
      const values = body(ValuesBody, request).data.values;
      updateRecord(state, object, record, values, actor, null);
      return { status: 200, body: { data: render(record) } };
    }
    return notFound(`No route for ${method} ${request.path}.`);
  } catch (error) {
    if (error instanceof WriteError) {
      return attioError(error.status, 'invalid_request_error', error.code, error.message);
    }
    throw error;
  }
}

function attributes(
  state: AttioState,
  object: ObjectDef,
  request: EmuRequest,
  attributeSlug: string | undefined,
  tail: string | undefined,
): EmuResponse {
  if (!attributeSlug) {
    if (request.method === 'GET') {
      return {
        status: 200,
        body: { data: [...object.attributes.values()].map((a) => renderAttribute(state, object, a)) },
      };
    }
    const { data } = body(AttributeBody, request);
    if (object.attributes.has(data.api_slug)) {
      return slugConflict(data.api_slug);
    }
    const attribute = state.addAttribute(object, {
      slug: data.api_slug,
      title: data.title,
      type: data.type,
      isUnique: data.is_unique,
      isMultiselect: data.is_multiselect,
      allowedObjects: data.config.record_reference?.allowed_objects ?? [],
    });
    return { status: 200, body: { data: renderAttribute(state, object, attribute) } };
  }
  const attribute = object.attributes.get(attributeSlug);
  if (!attribute) return notFound(`Attribute with slug/ID "${attributeSlug}" not found.`);
  if (tail !== 'options') return { status: 200, body: { data: renderAttribute(state, object, attribute) } };
  if (request.method === 'GET') {
    return {
      status: 200,
      body: { data: [...attribute.options.values()].map((o) => renderOption(state, object, attribute, o)) },
    };
  }
  const { data } = body(OptionBody, request);
  if (attribute.options.has(data.title)) {
    return attioError(
      400,
      'invalid_request_error',
      'validation_type',
      `Option "${data.title}" already exists.`,
    );
  }
  const option = { id: randomUUID(), title: data.title };
  attribute.options.set(option.title, option);
  return { status: 200, body: { data: renderOption(state, object, attribute, option) } };
}

function notes(state: AttioState, request: EmuRequest): EmuResponse {
  if (request.method === 'GET') {
    const parentId = request.query.get('parent_record_id');
    const limit = Number(request.query.get('limit') ?? 10);
    const offset = Number(request.query.get('offset') ?? 0);
    if (parentId && !state.findRecord(parentId)) return notFound(`Record with ID "${parentId}" not found.`);
    const ids = parentId ? (state.notesByParent.get(parentId) ?? []) : [...state.notes.keys()];
    const page = ids.slice(offset, offset + Math.min(limit, 50));
    return {
      status: 200,
      body: {
        data: page.flatMap((id) => {
          const note = state.notes.get(id);
          return note ? [renderNote(state, note)] : [];
        }),
      },
    };
  }
  const { data } = body(NoteBody, request);
  const parent = state.objects.get(data.parent_object)?.records.get(data.parent_record_id);
  if (!parent) return notFound(`Record with ID "${data.parent_record_id}" not found.`);
  const note = {
    id: randomUUID(),
    parentObject: data.parent_object,
    parentRecordId: data.parent_record_id,
    title: data.title,
    content: data.content,
    createdAt: data.created_at ? new Date(data.created_at).toISOString().replace('Z', '000000Z') : nowNs(),
  };
  state.addNote(note);
  return { status: 200, body: { data: renderNote(state, note) } };
}
