import { z } from 'zod';
import type { BatchResult, CallLog, RecordRef } from '../core/connector.ts';
import { CrmError } from '../core/errors.ts';
import type { SalesforceClient } from './client.ts';
import { SalesforceResponseError, saveErrorToCrmError } from './errors.ts';
import { TASK_EXTERNAL_ID, toTask } from './map.ts';
import { type SaveResult, SaveResultSchema } from './save-result.ts';

/** sObject Collections take at most 200 records a request (api_rest guide, "sObject Collections"). */
export const COLLECTION_MAX = 200;

const SUBTYPE_REFUSED = 'INVALID_FIELD_FOR_INSERT_UPDATE';

/**
 * TaskSubtype is create-only (object reference "Task": Create, Filter, Nillable — no Update), so an
 * upsert that lands on an existing Task is refused with it (verify in a scratch org); the call is
 * then re-sent without it. A first send creates, so this costs a request only on a retry.
 */
function refusesSubtype(result: SaveResult): boolean {
  return result.errors.some(
    (error) => error.errorCode === SUBTYPE_REFUSED && (error.fields ?? []).includes('TaskSubtype'),
  );
}

function refusedSubtype(error: unknown): boolean {
  if (!(error instanceof CrmError) || !(error.detail.cause instanceof SalesforceResponseError)) return false;
  return error.detail.cause.errors.some(
    (item) => item.errorCode === SUBTYPE_REFUSED && (item.fields ?? []).includes('TaskSubtype'),
  );
}

/** Logs calls as Task records, idempotent on the external id `Parley_Call_Id__c`. */
export function createCallLogs(client: SalesforceClient, ref: (objectType: string, id: string) => RecordRef) {
  async function upsertOne(call: CallLog, includeSubtype: boolean): Promise<RecordRef> {
    // PATCH /sobjects/Task/Parley_Call_Id__c/<id>: 201 when created, 200 when updated (API 46+).
    const record = { [TASK_EXTERNAL_ID]: encodeURIComponent(call.id), ...toTask(call, { includeSubtype }) };
    const answer = await client.call((conn) => conn.sobject('Task').upsert(record, TASK_EXTERNAL_ID), {
      idempotent: true,
    });
    const saved = SaveResultSchema.parse(answer);
    if (!saved.success || !saved.id) throw saveErrorToCrmError(saved.errors, saved);
    return ref('Task', saved.id);
  }

  async function upsertMany(calls: CallLog[], includeSubtype: boolean): Promise<SaveResult[]> {
    // PATCH /composite/sobjects/Task/Parley_Call_Id__c with allOrNone false: one result per record, in order.
    const records = calls.map((call) => ({
      attributes: { type: 'Task' },
      [TASK_EXTERNAL_ID]: call.id,
      ...toTask(call, { includeSubtype }),
    }));
    const answer = await client.call(
      (conn) => conn.sobject('Task').upsert(records, TASK_EXTERNAL_ID, { allOrNone: false }),
      { idempotent: true },
    );
    return z.array(SaveResultSchema).length(calls.length).parse(answer);
  }

  async function upsertChunk(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
    const first = await upsertMany(calls, true);
    const existing = calls.filter((_, i) => first[i] && refusesSubtype(first[i]));
    const second = existing.length > 0 ? await upsertMany(existing, false) : [];
    const retried = new Map(existing.map((call, i) => [call.id, second[i]]));
    return calls.map((call, i) => {
      const result = retried.get(call.id) ?? first[i];
      if (result?.success && result.id) return { ok: true, value: ref('Task', result.id) };
      return { ok: false, error: saveErrorToCrmError(result?.errors ?? [], result) };
    });
  }

  return {
    async upsertCallLog(call: CallLog): Promise<RecordRef> {
      try {
        return await upsertOne(call, true);
      } catch (error) {
        if (!refusedSubtype(error)) throw error;
        return upsertOne(call, false);
      }
    },

    async upsertCallLogs(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
      const results: BatchResult<RecordRef> = [];
      for (let start = 0; start < calls.length; start += COLLECTION_MAX) {
        results.push(...(await upsertChunk(calls.slice(start, start + COLLECTION_MAX))));
      }
      return results;
    },
  };
}
