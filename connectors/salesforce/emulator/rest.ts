import { z } from 'zod';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { MODELS } from './model.ts';
import { parseSoql, parseSosl, QueryParseError, type SoqlQuery } from './query-parser.ts';
import type { OrgState, SfError, WriteResult } from './state.ts';

export interface RestContext {
  state: OrgState;
  apiVersion: string;
  identityUrl: string;
  /** The org's daily allocation and what is used of it, for `/limits`. */
  usage(): { max: number; used: number };
  /** A request Parley should never send: the test fails on it. */
  violation(request: EmuRequest, errors: string[]): void;
}

const errorAnswer = (status: number, errors: SfError[] | Omit<SfError, 'fields'>[]): EmuResponse => ({
  status,
  body: errors,
});

const QUERY_BATCH = 2_000;
const COLLECTION_MAX = 200;

/** The client named in `Sforce-Call-Options: client=…`, as change events' changeOrigin carries it. */
function callClient(request: EmuRequest): string | null {
  const header = request.headers['sforce-call-options'];
  const value = Array.isArray(header) ? header.join(',') : header;
  return /(?:^|[,\s])client=([^,\s]+)/.exec(value ?? '')?.[1] ?? null;
}

const RecordBodySchema = z.record(z.string(), z.unknown());
const CollectionSchema = z.strictObject({
  allOrNone: z.boolean().default(false),
  records: z.array(RecordBodySchema).min(1),
});

export function createRest(context: RestContext) {
  const { state } = context;
  const cursors = new Map<string, { rows: Record<string, unknown>[]; at: number }>();
  let cursorSequence = 0;
  const base = `/services/data/v${context.apiVersion}`;

  function refuseWrite(request: EmuRequest, result: Extract<WriteResult, { ok: false }>): EmuResponse {
    if (result.violation)
      context.violation(
        request,
        result.errors.map((error) => error.message),
      );
    return errorAnswer(result.status, result.errors);
  }

  function parseQuery(
    request: EmuRequest,
    text: string,
    parse: () => SoqlQuery[],
  ): SoqlQuery[] | EmuResponse {
    try {
      const queries = parse();
      const unreadable = queries.flatMap((query) =>
        state.unreadable(query).map((field) => `${query.object}.${field}`),
      );
      if (unreadable.length > 0) {
        context.violation(request, [`unknown fields: ${unreadable.join(', ')}`]);
        const message = `No such column '${unreadable[0]}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`;
        return errorAnswer(400, [{ message, errorCode: 'INVALID_FIELD' }]);
      }
      return queries;
    } catch (error) {
      if (!(error instanceof QueryParseError)) throw error;
      context.violation(request, [`${error.message}: ${text}`]);
      return errorAnswer(400, [
        { message: `unexpected token: ${error.message}`, errorCode: 'MALFORMED_QUERY' },
      ]);
    }
  }

  function page(rows: Record<string, unknown>[], from: number): EmuResponse {
    const slice = rows.slice(from, from + QUERY_BATCH);
    const done = from + QUERY_BATCH >= rows.length;
    const body: Record<string, unknown> = { totalSize: rows.length, done, records: slice };
    if (!done) {
      const locator = `01g5g${String(++cursorSequence).padStart(13, '0')}`;
      cursors.set(locator, { rows, at: from + QUERY_BATCH });
      body.nextRecordsUrl = `${base}/query/${locator}-${from + QUERY_BATCH}`;
    }
    return { status: 200, body };
  }

  function query(request: EmuRequest, includeDeleted: boolean): EmuResponse {
    const text = request.query.get('q') ?? '';
    const parsed = parseQuery(request, text, () => [parseSoql(text)]);
    if (!Array.isArray(parsed)) return parsed;
    const [soql] = parsed;
    if (!soql) return errorAnswer(400, [{ message: 'empty query', errorCode: 'MALFORMED_QUERY' }]);
    const rows = state.select(soql, includeDeleted).map((record) => state.project(record, soql.fields));
    return page(rows, 0);
  }

  function queryMore(locator: string): EmuResponse {
    const id = locator.split('-')[0] ?? '';
    const cursor = cursors.get(id);
    if (!cursor)
      return errorAnswer(400, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
    cursors.delete(id);
    return page(cursor.rows, cursor.at);
  }

  function search(request: EmuRequest): EmuResponse {
    const text = request.query.get('q') ?? '';
    let terms: string[] = [];
    const parsed = parseQuery(request, text, () => {
      const sosl = parseSosl(text);
      if (sosl.scope !== 'PHONE')
        throw new QueryParseError(`the emulator searches PHONE fields only, not ${sosl.scope}`);
      terms = sosl.terms.map((term) => term.replace(/\D/g, '')).filter((digits) => digits.length >= 7);
      return sosl.returning;
    });
    if (!Array.isArray(parsed)) return parsed;
    // Phone search reads digits whatever the formatting; a number matches on its trailing digits (verify).
    const phoneMatches = (value: unknown) =>
      typeof value === 'string' && terms.some((digits) => value.replace(/\D/g, '').endsWith(digits));
    const searchRecords = parsed.flatMap((soql) =>
      state
        .select({ ...soql, limit: undefined }, false)
        .filter((record) =>
          ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone', 'AssistantPhone'].some((field) =>
            phoneMatches(record.fields[field]),
          ),
        )
        .slice(0, soql.limit ?? 2_000)
        .map((record) => state.project(record, soql.fields)),
    );
    return { status: 200, body: { searchRecords } };
  }

  function saveAnswer(result: WriteResult) {
    if (result.ok) return { id: result.id, success: true, errors: [], created: result.created };
    // sObject Collections name the code `statusCode` (api_rest guide, "sObject Collections").
    return {
      success: false,
      errors: result.errors.map((error) => ({
        statusCode: error.errorCode,
        message: error.message,
        fields: error.fields,
      })),
    };
  }

  function collectionUpsert(request: EmuRequest, type: string, field: string): EmuResponse {
    const parsed = CollectionSchema.safeParse(request.json);
    if (!parsed.success) {
      context.violation(request, [parsed.error.message]);
      return errorAnswer(400, [{ message: 'Json deserialization failed', errorCode: 'JSON_PARSER_ERROR' }]);
    }
    if (parsed.data.records.length > COLLECTION_MAX) {
      context.violation(request, [`${parsed.data.records.length} records in one collection`]);
      return errorAnswer(400, [
        { message: `Maximum number of records allowed is ${COLLECTION_MAX}`, errorCode: 'EXCEEDED_ID_LIMIT' },
      ]);
    }
    const client = callClient(request);
    const results = parsed.data.records.map((record) => {
      const { attributes, [field]: key, ...fields } = record;
      const declared = z.object({ type: z.literal(type) }).safeParse(attributes);
      if (!declared.success || typeof key !== 'string') {
        context.violation(request, [`record without attributes.type ${type} or ${field}`]);
        return saveAnswer({
          ok: false,
          status: 400,
          violation: true,
          errors: [
            { message: 'missing attributes or external id', errorCode: 'INVALID_INPUT', fields: [field] },
          ],
        });
      }
      const result = state.upsert(type, field, key, fields, client);
      if (!result.ok && result.violation)
        context.violation(
          request,
          result.errors.map((error) => error.message),
        );
      return saveAnswer(result);
    });
    return { status: 200, body: results };
  }

  function describe(type: string): EmuResponse {
    const model = MODELS[type];
    if (!model)
      return errorAnswer(404, [{ message: `The requested resource does not exist`, errorCode: 'NOT_FOUND' }]);
    // CallDisposition is a free-text string(255) on a standard Task (object reference "Task").
    const fields = model.readable.map((name) => ({
      name,
      type: name === 'Id' ? 'id' : 'string',
      picklistValues: [],
    }));
    return { status: 200, body: { name: type, fields } };
  }

  return function handle(request: EmuRequest, rest: string): EmuResponse {
    const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const [resource, type, second, third] = parts;
    const method = request.method;
    if (parts.length === 0 && method === 'GET') {
      return {
        status: 200,
        body: {
          sobjects: `${base}/sobjects`,
          query: `${base}/query`,
          search: `${base}/search`,
          limits: `${base}/limits`,
          identity: context.identityUrl,
        },
      };
    }
    if (resource === 'query' && method === 'GET') return type ? queryMore(type) : query(request, false);
    if (resource === 'queryAll' && method === 'GET') return type ? queryMore(type) : query(request, true);
    if (resource === 'search' && method === 'GET') return search(request);
    if (resource === 'limits' && method === 'GET') {
      const { max, used } = context.usage();
      return { status: 200, body: { DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) } } };
    }
    if (resource === 'composite' && type === 'sobjects' && second && third && method === 'PATCH') {
      return collectionUpsert(request, second, third);
    }
    if (resource === 'sobjects' && type) {
      const body = RecordBodySchema.safeParse(request.json ?? {});
      const fields = body.success ? body.data : {};
      const client = callClient(request);
      if (second === 'describe' && method === 'GET') return describe(type);
      if (!second && method === 'POST') {
        const result = state.create(type, fields, client);
        return result.ok
          ? { status: 201, body: { id: result.id, success: true, errors: [] } }
          : refuseWrite(request, result);
      }
      if (second && third && method === 'PATCH') {
        const result = state.upsert(type, second, third, fields, client);
        if (!result.ok) return refuseWrite(request, result);
        return {
          status: result.created ? 201 : 200,
          body: { id: result.id, success: true, errors: [], created: result.created },
        };
      }
      if (second && !third && method === 'PATCH') {
        const result = state.update(type, second, fields, client);
        return result.ok ? { status: 204 } : refuseWrite(request, result);
      }
      if (second && !third && method === 'GET') {
        const record = state.get(second);
        if (!record || record.type !== type || record.deleted) {
          return errorAnswer(404, [
            { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' },
          ]);
        }
        return { status: 200, body: state.project(record, MODELS[type]?.readable ?? []) };
      }
    }
    context.violation(request, ['no such resource in the emulator']);
    return errorAnswer(404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
  };
}
