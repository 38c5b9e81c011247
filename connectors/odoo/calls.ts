import { z } from 'zod';
import type { BatchItem, BatchResult, CallLog, RecordRef } from '../core/connector.ts';
import { CrmError } from '../core/errors.ts';
import { postOnce } from './chatter.ts';
import type { OdooClient } from './client.ts';
import {
  type CallVals,
  callChatterBody,
  callMarker,
  callVals,
  UPSERT_CALLS,
  type UpsertResult,
  UpsertResultSchema,
} from './map.ts';

/**
 * Calls one `upsert_calls` takes: Odoo runs it in one transaction, and a worker is killed after
 * 120 s (research/odoo.md §0.9); 100 calls with their chatter notes stay far below that.
 */
export const MAX_CALLS_PER_BATCH = 100;

const crm = 'odoo' as const;
type Link = (model: string, id: string) => RecordRef;

function partnerIdOf(call: CallLog): number | null | CrmError {
  if (!call.contact) return null;
  const { crm: owner, objectType, id } = call.contact;
  if (owner !== 'odoo' || objectType !== 'res.partner' || !/^\d+$/.test(id)) {
    return new CrmError(
      'invalid',
      `A call can be logged on an Odoo contact (res.partner) only, not on ${owner} ${objectType} ${id}.`,
      { crm },
    );
  }
  return Number(id);
}

const NO_MODULE = new CrmError(
  'invalid',
  'Without the Parley module, Odoo can only hold a call in a contact’s chatter, and this call has no contact. Install the Parley app in Odoo (Apps → Parley) to log every call.',
  { crm, vendorCode: 'parley.call missing' },
);

/**
 * Call logs, idempotent on Parley's call id: in `parley.call` (unique `call_id`) through the module's
 * `upsert_calls` when Parley's module is installed, else as a chatter message on the contact, found
 * again by its marker.
 */
export class CallLogs {
  constructor(
    private readonly client: OdooClient,
    private readonly link: Link,
    private readonly moduleInstalled: () => Promise<boolean>,
  ) {}

  async upsert(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
    const results: BatchResult<RecordRef> = [];
    let stop: CrmError | null = null;
    for (let start = 0; start < calls.length; start += MAX_CALLS_PER_BATCH) {
      const chunk = calls.slice(start, start + MAX_CALLS_PER_BATCH);
      const stopped = stop;
      if (stopped) {
        results.push(...chunk.map((): BatchItem<RecordRef> => ({ ok: false, error: stopped })));
        continue;
      }
      try {
        const done = (await this.moduleInstalled())
          ? await this.inModule(chunk)
          : await this.inChatter(chunk);
        results.push(...done);
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        results.push(...chunk.map((): BatchItem<RecordRef> => ({ ok: false, error })));
        // Every later request would fail the same way until the admin or the clock fixes it.
        if (error.kind === 'auth' || error.kind === 'rate_limited') stop = error;
      }
    }
    return results;
  }

  /**
   * One `upsert_calls` per batch: the module creates or updates each call by `call_id` and answers
   * per call, so a lost answer is simply sent again, and one refused call fails alone.
   */
  private async inModule(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
    const items = new Map<string, BatchItem<RecordRef>>();
    const latest = new Map<string, CallVals>();
    for (const call of calls) {
      const partner = partnerIdOf(call);
      if (partner instanceof CrmError) items.set(call.id, { ok: false, error: partner });
      else latest.set(call.id, callVals(call));
    }
    const sent = [...latest.values()];
    if (sent.length > 0) {
      const answers = await this.client.execute(z.array(UpsertResultSchema), {
        model: UPSERT_CALLS.model,
        method: UPSERT_CALLS.method,
        args: [sent],
        idempotent: true,
      });
      for (const [i, vals] of sent.entries()) items.set(vals.call_id, this.item(answers[i]));
    }
    return calls.map((call) => items.get(call.id) ?? this.item(undefined));
  }

  private item(answer: UpsertResult | undefined): BatchItem<RecordRef> {
    if (!answer) {
      return { ok: false, error: new CrmError('unavailable', 'Odoo gave no answer for this call.', { crm }) };
    }
    if ('id' in answer) return { ok: true, value: this.link('parley.call', String(answer.id)) };
    return {
      ok: false,
      error: new CrmError(answer.error, `Odoo refused the call: ${answer.message}`, {
        crm,
        vendorCode: answer.error === 'not_found' ? 'MissingError' : 'ValidationError',
      }),
    };
  }

  /**
   * Without the module: a note in the contact's chatter, one `message_post` per call (it takes one
   * record). A later update of the same call is not posted again: chatter messages are not edited.
   */
  private async inChatter(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
    const results: BatchResult<RecordRef> = [];
    for (const call of calls) {
      const partner = partnerIdOf(call);
      if (partner === null || partner instanceof CrmError) {
        results.push({ ok: false, error: partner ?? NO_MODULE });
        continue;
      }
      try {
        const id = await postOnce(
          this.client,
          'res.partner',
          partner,
          callMarker(call.id),
          callChatterBody(call),
        );
        results.push({ ok: true, value: this.link('mail.message', String(id)) });
      } catch (error) {
        if (!(error instanceof CrmError) || error.kind === 'auth' || error.kind === 'rate_limited')
          throw error;
        results.push({ ok: false, error });
      }
    }
    return results;
  }
}
