import { z } from 'zod';
import type { BatchItem, BatchResult, CallLog, RecordRef } from '../core/connector.ts';
import { CrmError } from '../core/errors.ts';
import { postOnce } from './chatter.ts';
import type { OdooClient } from './client.ts';
import { leaf } from './domain.ts';
import {
  CALL_FIELDS,
  CallRowSchema,
  type CallVals,
  callChatterBody,
  callMarker,
  callVals,
  sameCall,
} from './map.ts';

/**
 * Records one `create` takes: Odoo creates them in one transaction, and a worker is killed after
 * 120 s (research/odoo.md §0.9); 100 calls with chatter tracking stay far below that.
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

const missingPartner = (id: number) =>
  new CrmError(
    'not_found',
    `The Odoo contact ${id} no longer exists (deleted in Odoo?); pick another contact for this call.`,
    { crm, vendorCode: 'MissingError' },
  );

const NO_MODULE = new CrmError(
  'invalid',
  'Without the Parley module, Odoo can only hold a call in a contact’s chatter, and this call has no contact. Install the Parley app in Odoo (Apps → Parley) to log every call.',
  { crm, vendorCode: 'parley.call missing' },
);

/**
 * Call logs, idempotent on Parley's call id: in `parley.call` (unique `call_id`) when Parley's module
 * is installed — one search, one partner check, one `create` for the whole batch, one `write` per call
 * whose values changed (`write` gives every id the same values) — else as a chatter message on the
 * contact, found again by its marker.
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

  private async inModule(calls: CallLog[]): Promise<BatchResult<RecordRef>> {
    const items = new Map<string, BatchItem<RecordRef>>();
    const latest = new Map<string, CallLog>();
    for (const call of calls) latest.set(call.id, call);

    // https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html#odoo.models.Model.search_read
    const rows = await this.client.execute(z.array(CallRowSchema), {
      model: 'parley.call',
      method: 'search_read',
      args: [[leaf('call_id', 'in', [...latest.keys()])]],
      kwargs: { fields: [...CALL_FIELDS] },
      idempotent: true,
    });
    const held = new Map(rows.map((row) => [row.call_id, row]));

    const pending: Array<{ call: CallLog; vals: CallVals; id?: number }> = [];
    for (const call of latest.values()) {
      const partner = partnerIdOf(call);
      if (partner instanceof CrmError) {
        items.set(call.id, { ok: false, error: partner });
        continue;
      }
      const vals = callVals(call);
      const row = held.get(call.id);
      if (row && sameCall(row, vals))
        items.set(call.id, { ok: true, value: this.link('parley.call', String(row.id)) });
      else pending.push({ call, vals, ...(row ? { id: row.id } : {}) });
    }

    const partners = [...new Set(pending.flatMap(({ vals }) => (vals.partner_id ? [vals.partner_id] : [])))];
    if (partners.length > 0) {
      // Archived contacts still take calls, so the check must see them too.
      const existing = new Set(
        await this.client.execute(z.array(z.number().int()), {
          model: 'res.partner',
          method: 'search',
          args: [[leaf('id', 'in', partners)]],
          kwargs: { context: { active_test: false } },
          idempotent: true,
        }),
      );
      for (let i = pending.length - 1; i >= 0; i--) {
        const entry = pending[i];
        if (entry?.vals.partner_id && !existing.has(entry.vals.partner_id)) {
          items.set(entry.call.id, { ok: false, error: missingPartner(entry.vals.partner_id) });
          pending.splice(i, 1);
        }
      }
    }

    const toCreate = pending.filter((entry) => entry.id === undefined);
    for (const [callId, item] of await this.create(toCreate.map((entry) => entry.vals)))
      items.set(callId, item);
    for (const entry of pending) {
      if (entry.id === undefined) continue;
      items.set(entry.call.id, await this.write(entry.id, entry.vals));
    }
    return calls.map(
      (call) =>
        items.get(call.id) ?? {
          ok: false,
          error: new CrmError('unavailable', 'Odoo gave no answer for this call.', { crm }),
        },
    );
  }

  /** One `create` with the list; when Odoo refuses the list, each alone, so one bad call fails alone. */
  private async create(list: CallVals[]): Promise<Map<string, BatchItem<RecordRef>>> {
    const out = new Map<string, BatchItem<RecordRef>>();
    if (list.length === 0) return out;
    try {
      const ids = await this.createMany(list);
      list.forEach((vals, i) => {
        const id = ids[i];
        out.set(
          vals.call_id,
          id === undefined
            ? {
                ok: false,
                error: new CrmError('unavailable', 'Odoo created fewer records than sent.', { crm }),
              }
            : { ok: true, value: this.link('parley.call', String(id)) },
        );
      });
      return out;
    } catch (error) {
      const refused = error instanceof CrmError && ['invalid', 'conflict', 'not_found'].includes(error.kind);
      if (!refused || list.length === 1) throw error;
    }
    for (const vals of list) {
      try {
        const [id] = await this.createMany([vals]);
        out.set(vals.call_id, { ok: true, value: this.link('parley.call', String(id)) });
      } catch (error) {
        if (!(error instanceof CrmError)) throw error;
        out.set(vals.call_id, { ok: false, error });
      }
    }
    return out;
  }

  private createMany(list: CallVals[]): Promise<number[]> {
    // `create` is not idempotent: only Odoo's 429 (refused before acting) is retried here; a lost
    // answer is retried by the worker, whose next search finds the record.
    return this.client.execute(z.array(z.number().int()), {
      model: 'parley.call',
      method: 'create',
      args: [list],
      idempotent: false,
    });
  }

  private async write(id: number, vals: CallVals): Promise<BatchItem<RecordRef>> {
    try {
      await this.client.execute(z.literal(true), {
        model: 'parley.call',
        method: 'write',
        args: [[id], vals],
        idempotent: true,
      });
      return { ok: true, value: this.link('parley.call', String(id)) };
    } catch (error) {
      if (!(error instanceof CrmError) || error.kind === 'auth' || error.kind === 'rate_limited') throw error;
      return { ok: false, error };
    }
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
