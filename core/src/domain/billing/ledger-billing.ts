import { sql } from '../../store/sql.ts';
import type { Billing } from './billing.ts';

export const ledgerBilling: Billing = {
  kind: 'ledger',
  async setPaymentMethod(tx, accountId, method) {
    // Only what a person needs to recognise the card is kept; the number never reaches Parley.
    const settled = await tx.execute(sql`update accounts set payment_method = ${JSON.stringify(method)},
      subscription_status = case when subscription_status = 'past_due' then 'active' else subscription_status end,
      updated_at = now() where id = ${accountId} and subscription_status = 'past_due'`);
    if (!settled)
      await tx.execute(sql`update accounts set payment_method = ${JSON.stringify(method)}, updated_at = now()
        where id = ${accountId}`);
    await tx.execute(sql`insert into billing_ledger (account_id, kind, description)
      values (${accountId}, 'payment_method_set',
        ${`${method.brand} ending ${method.last4}${settled ? '; outstanding balance settled' : ''}`})`);
  },
  async charge(tx, accountId, entry) {
    await tx.execute(sql`insert into billing_ledger (account_id, kind, amount_cents, description)
      values (${accountId}, ${entry.kind}, ${entry.amountCents}, ${entry.description})`);
  },
  async setStatus(tx, accountId, status, reason) {
    await tx.execute(
      sql`update accounts set subscription_status = ${status}, updated_at = now() where id = ${accountId}`,
    );
    await tx.execute(sql`insert into billing_ledger (account_id, kind, description)
      values (${accountId}, 'status_changed', ${`${status}: ${reason}`})`);
  },
};
