import { z } from 'zod';
import { getAccount, seatsUsed } from '../../domain/accounts/accounts.ts';
import { recordAudit } from '../../domain/audit/audit.ts';
import { ledgerBilling } from '../../domain/billing/ledger-billing.ts';
import { changePlan, listLedger } from '../../domain/billing/plan.ts';
import { confirmSeatChange, previewSeatChange } from '../../domain/billing/seats.ts';
import { route } from '../route.ts';
import { IdParams } from '../schemas.ts';

const SeatChangeBody = z.strictObject({
  delta: z
    .number('Give the number of seats to add (positive) or remove (negative)')
    .int('Seats are whole numbers')
    .min(-500)
    .max(500)
    .refine((d) => d !== 0, 'Add or remove at least one seat'),
});

const PaymentMethodBody = z.strictObject({
  brand: z.string().trim().min(2).max(20),
  last4: z.string().regex(/^\d{4}$/, 'The last four digits of the card'),
  expMonth: z.number().int().min(1, 'Month 1–12').max(12, 'Month 1–12'),
  expYear: z.number().int().min(2024, 'This card has expired').max(2100),
});

const PlanBody = z.strictObject({ plan: z.enum(['starter', 'business'], 'Choose starter or business') });

export const billingRoutes = [
  route({
    method: 'get',
    path: '/api/billing',
    summary: 'Plan, seats used and total, price per seat, subscription status, payment method',
    tag: 'billing',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      const account = await getAccount(services.db, principal.accountId);
      const used = await seatsUsed(services.db, principal.accountId, services.now());
      return {
        body: {
          plan: account.plan,
          seats: account.seats,
          seatsUsed: used,
          seatPriceCents: account.seatPriceCents,
          currency: account.currency,
          monthlyTotalCents: account.seats * account.seatPriceCents,
          subscriptionStatus: account.subscriptionStatus,
          paymentMethod: account.paymentMethod,
        },
      };
    },
  }),
  route({
    method: 'put',
    path: '/api/billing/payment-method',
    summary: 'Set the payment method on file (settles an overdue balance)',
    tag: 'billing',
    access: 'admin',
    body: PaymentMethodBody,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      await services.db.transaction(async (tx) => {
        await ledgerBilling.setPaymentMethod(tx, principal.accountId, body);
        await recordAudit(tx, {
          accountId: principal.accountId,
          actorMemberId: principal.memberId,
          action: 'billing.payment_method_set',
          targetType: 'account',
          targetId: principal.accountId,
          details: { brand: body.brand, last4: body.last4 },
        });
      });
      const account = await getAccount(services.db, principal.accountId);
      return {
        body: { paymentMethod: account.paymentMethod, subscriptionStatus: account.subscriptionStatus },
      };
    },
  }),
  route({
    method: 'put',
    path: '/api/billing/plan',
    summary: 'Change plan (Starter or Business)',
    tag: 'billing',
    access: 'admin',
    body: PlanBody,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      return { body: await changePlan(services.db, ledgerBilling, principal, body.plan) };
    },
  }),
  route({
    method: 'post',
    path: '/api/billing/seat-changes',
    summary:
      'Preview adding or removing seats: cost per seat and new monthly total; nothing changes until confirmed',
    tag: 'billing',
    access: 'admin',
    body: SeatChangeBody,
    response: { status: 201 },
    async handler({ principal, body, services }) {
      const change = await previewSeatChange(
        services.db,
        principal.accountId,
        principal.memberId,
        body.delta,
        services.now(),
      );
      return { status: 201, body: { ...change, confirm: `/api/billing/seat-changes/${change.id}/confirm` } };
    },
  }),
  route({
    method: 'post',
    path: '/api/billing/seat-changes/:id/confirm',
    summary: 'Confirm a previewed seat change and apply it',
    tag: 'billing',
    access: 'admin',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return {
        body: await confirmSeatChange(
          services.db,
          ledgerBilling,
          principal.accountId,
          principal.memberId,
          params.id,
          services.now(),
        ),
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/billing/ledger',
    summary: 'Charges and billing events, newest first',
    tag: 'billing',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: { entries: await listLedger(services.db, principal.accountId) } };
    },
  }),
];
