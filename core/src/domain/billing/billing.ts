import type { Queryable } from '../../store/db.ts';
import type { PaymentMethod, SubscriptionStatus } from '../accounts/accounts.ts';

/**
 * Where money is handled. The built-in ledger records charges and keeps the subscription
 * status the operator sets; a payment provider can implement the same port later.
 */
export interface Billing {
  readonly kind: 'ledger';
  setPaymentMethod(tx: Queryable, accountId: string, method: PaymentMethod): Promise<void>;
  charge(
    tx: Queryable,
    accountId: string,
    entry: { kind: string; amountCents: number; description: string },
  ): Promise<void>;
  setStatus(tx: Queryable, accountId: string, status: SubscriptionStatus, reason: string): Promise<void>;
}
