import type { BatchItem, BatchResult } from '../core/connector.ts';
import { CrmError, isCrmError } from '../core/errors.ts';
import {
  AssociationBatchResponse,
  BatchUpsertResponse,
  batchErrorToCrmError,
  chunks,
  errorKeys,
  inOrder,
} from './batch.ts';
import type { HubspotClient } from './client.ts';
import { readBody } from './errors.ts';
import type { ParleyProperties } from './properties.ts';

export interface EngagementKind {
  /** `calls` or `notes`. */
  objectType: string;
  /** The unique custom property holding Parley's id. */
  idProperty: string;
  idLabel: string;
  /** HUBSPOT_DEFINED type of engagement → contact. */
  toContactType: number;
  /** For messages: "call", "note". */
  noun: string;
}

export interface EngagementInput {
  /** Parley's id: the value of `idProperty`. */
  key: string;
  properties: Record<string, string>;
  contactId?: string;
}

/**
 * Writes engagements idempotently on Parley's id, a batch of 100 in two requests:
 * 1. `POST /crm/v3/objects/{type}/batch/upsert` with `idProperty` = our unique property (calls-v3 and
 *    notes-v3 both offer it): HubSpot itself finds the record by our id, so a retry after a lost
 *    answer updates the record it made instead of making a second one. That also makes the request
 *    safe to resend on a timeout or 5xx (`idempotent: true`).
 * 2. Upsert inputs (`SimplePublicObjectBatchInputUpsert`) carry no associations, unlike create's, so
 *    `POST /crm/v4/associations/{type}/contacts/batch/create` links them; creating a link that
 *    exists is a no-op, so it is resent every time (it also repairs a link lost with an answer).
 * A new record whose link failed (the contact was deleted) is archived again, so a failed call
 * leaves nothing behind; that costs a third request only when it happens.
 */
export async function upsertEngagements(
  client: HubspotClient,
  properties: ParleyProperties,
  kind: EngagementKind,
  inputs: readonly EngagementInput[],
): Promise<BatchResult<string>> {
  if (inputs.length === 0) return [];
  await properties.ensure(kind.objectType, kind.idProperty, kind.idLabel);
  const results: BatchResult<string> = [];
  for (const chunk of chunks(inputs)) {
    // A batch HubSpot refused as a whole fails its own inputs; the next batches still go.
    const chunkResults = await upsertChunk(client, kind, chunk).catch((error: unknown) => {
      if (!isCrmError(error)) throw error;
      return chunk.map((): BatchItem<string> => ({ ok: false, error }));
    });
    results.push(...chunkResults);
  }
  return results;
}

async function upsertChunk(
  client: HubspotClient,
  kind: EngagementKind,
  inputs: readonly EngagementInput[],
): Promise<BatchResult<string>> {
  // https://developers.hubspot.com/docs/api/crm/calls (batch upsert)
  const response = await client.request({
    method: 'POST',
    path: `/crm/v3/objects/${kind.objectType}/batch/upsert`,
    json: {
      inputs: inputs.map((input) => ({
        id: input.key,
        idProperty: kind.idProperty,
        objectWriteTraceId: input.key,
        properties: input.properties,
      })),
    },
    idempotent: true,
  });
  const body = readBody(BatchUpsertResponse, response, `a batch of ${kind.noun}s`);
  const upserted = new Map<string, BatchItem<string>>();
  const created = new Set<string>();
  for (const result of body.results) {
    const key = result.objectWriteTraceId ?? result.properties[kind.idProperty];
    if (!key) continue;
    upserted.set(key, { ok: true, value: result.id });
    if (result.new) created.add(result.id);
  }
  for (const error of body.errors ?? []) {
    for (const key of errorKeys(error, ['objectWriteTraceId', 'ids', kind.idProperty])) {
      upserted.set(key, { ok: false, error: batchErrorToCrmError(error) });
    }
  }
  const keys = inputs.map((input) => input.key);
  const items = inOrder(keys, upserted, kind.noun);
  const links = inputs.flatMap((input, i) => {
    const item = items[i];
    return item?.ok && input.contactId ? [{ index: i, from: item.value, to: input.contactId }] : [];
  });
  if (links.length === 0) return items;
  const failed = await associate(client, kind, links);
  const orphans = links
    .filter((link) => failed.has(link.from) && created.has(link.from))
    .map((link) => link.from);
  if (orphans.length > 0) {
    await client.request({
      method: 'POST',
      path: `/crm/v3/objects/${kind.objectType}/batch/archive`,
      json: { inputs: orphans.map((id) => ({ id })) },
      idempotent: true,
    });
  }
  for (const link of links) {
    const error = failed.get(link.from);
    if (error) items[link.index] = { ok: false, error };
  }
  return items;
}

/** Returns the failure of each link that did not take, by engagement id. */
async function associate(
  client: HubspotClient,
  kind: EngagementKind,
  links: ReadonlyArray<{ from: string; to: string }>,
): Promise<Map<string, CrmError>> {
  // https://developers.hubspot.com/docs/api/crm/associations (v4 batch create)
  const response = await client.request({
    method: 'POST',
    path: `/crm/v4/associations/${kind.objectType}/contacts/batch/create`,
    json: {
      inputs: links.map((link) => ({
        from: { id: link.from },
        to: { id: link.to },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: kind.toContactType }],
      })),
    },
    idempotent: true,
  });
  const body = readBody(AssociationBatchResponse, response, `the links of ${kind.noun}s`);
  const failed = new Map<string, CrmError>();
  for (const error of body.errors ?? []) {
    for (const from of errorKeys(error, ['fromObjectId'])) failed.set(from, batchErrorToCrmError(error));
  }
  const linked = new Set(body.results.map((result) => String(result.fromObjectId)));
  for (const link of links) {
    if (!linked.has(link.from) && !failed.has(link.from)) {
      failed.set(
        link.from,
        new CrmError(
          'unavailable',
          `HubSpot did not confirm the ${kind.noun}'s link to its contact; Parley will send it again.`,
          {
            crm: 'hubspot',
          },
        ),
      );
    }
  }
  return failed;
}
