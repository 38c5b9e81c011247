import { z } from 'zod';
import type { BatchItem } from '../core/connector.ts';
import { CrmError } from '../core/errors.ts';
import { hubspotError } from './errors.ts';
import { HubspotObject } from './map.ts';

/** HubSpot's batch endpoints take at most 100 inputs. */
export const MAX_BATCH = 100;

export function chunks<T>(items: readonly T[], size = MAX_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One entry of a 207's `errors` (`StandardError`). */
const BatchError = z.looseObject({
  status: z.string().optional(),
  category: z.string().optional(),
  message: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});
type BatchError = z.infer<typeof BatchError>;

export const BatchUpsertResponse = z.looseObject({
  results: z.array(
    HubspotObject.extend({ new: z.boolean().optional(), objectWriteTraceId: z.string().optional() }),
  ),
  errors: z.array(BatchError).optional(),
});

export const AssociationBatchResponse = z.looseObject({
  results: z.array(z.looseObject({ fromObjectId: z.union([z.string(), z.number()]) })),
  errors: z.array(BatchError).optional(),
});

// A batch error says its HTTP status as a string, or only its category.
const STATUS_OF_CATEGORY: Readonly<Record<string, number>> = {
  OBJECT_NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION_ERROR: 400,
  RATE_LIMITS: 429,
};

export function batchErrorToCrmError(error: BatchError): CrmError {
  const numeric = Number(error.status);
  const status =
    Number.isInteger(numeric) && numeric >= 400 ? numeric : (STATUS_OF_CATEGORY[error.category ?? ''] ?? 400);
  return hubspotError(status, {
    ...(error.message ? { message: error.message } : {}),
    ...(error.category ? { category: error.category } : {}),
  });
}

/** Which inputs an error is about: the keys HubSpot lists under `context[name]`. */
export function errorKeys(error: BatchError, names: readonly string[]): string[] {
  return names.flatMap((name) => error.context?.[name] ?? []);
}

export function missingAnswer(what: string): CrmError {
  return new CrmError('unavailable', `HubSpot did not report on this ${what}; Parley will send it again.`, {
    crm: 'hubspot',
  });
}

/** Results in input order, by a key per input; inputs HubSpot said nothing about are retried later. */
export function inOrder<T>(
  keys: readonly string[],
  found: Map<string, BatchItem<T>>,
  what: string,
): BatchItem<T>[] {
  return keys.map((key) => found.get(key) ?? { ok: false, error: missingAnswer(what) });
}
