import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field } from '../../ui/field.tsx';
import { useRefreshSession } from '../../ui/session.tsx';
import { money } from '../format.ts';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { Billing, Plan, SeatChange } from '../types.ts';
import { PaymentMethodForm } from './payment-method.tsx';

/** Seats used and paid for, adding seats in two steps (see the cost, then confirm), and the plan. */
export function BillingScreen() {
  const t = useConsoleText();
  const { locale } = useI18n();
  const billing = useLoad<Billing>('/api/billing');
  const [delta, setDelta] = useState('1');
  const [preview, setPreview] = useState<SeatChange | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const seats = useSubmit();
  const plan = useSubmit();
  const refreshSession = useRefreshSession();
  async function askPreview(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    // An empty or non-numeric entry is sent as is so the API's own message explains it.
    const body = { delta: delta.trim() === '' || Number.isNaN(Number(delta)) ? delta : Number(delta) };
    const change = await seats.run(() => api<SeatChange>('POST', '/api/billing/seat-changes', body));
    if (change) setPreview(change);
  }
  async function confirm() {
    if (!preview) return;
    const done = await seats.run(() =>
      api<unknown>('POST', `/api/billing/seat-changes/${preview.id}/confirm`),
    );
    if (done === undefined) return;
    setMessage(t('billing.applied', { seats: preview.seatsAfter }));
    setPreview(null);
    await billing.reload();
  }
  async function switchPlan(next: Plan) {
    const done = await plan.run(() => api<unknown>('PUT', '/api/billing/plan', { plan: next }));
    if (done === undefined) return;
    setMessage(t('billing.planChanged', { plan: t(`billing.plan.${next}`) }));
    // The menu and the Business screens follow the plan's features, which the session holds.
    await Promise.all([billing.reload(), refreshSession()]);
  }
  const b = billing.data;
  const price = (cents: number) => money(locale, cents, b?.currency ?? 'EUR');
  return (
    <section aria-labelledby="billing-title">
      <h1 id="billing-title">{t('billing.title')}</h1>
      <ApiNotice error={billing.error} />
      <Done text={message} />
      {b ? (
        <>
          <div className="card">
            <h2>{t('billing.seats')}</h2>
            <p data-testid="seats-used">
              {t('billing.seatsUsed', {
                used: b.seatsUsed.total,
                seats: b.seats,
                members: b.seatsUsed.members,
                pending: b.seatsUsed.pendingInvitations,
              })}
            </p>
            <meter min={0} max={b.seats} value={b.seatsUsed.total} aria-label={t('billing.seats')} />
            <p>{t('billing.price', { price: price(b.seatPriceCents), total: price(b.monthlyTotalCents) })}</p>
            <p className="muted">
              {t('billing.status', { status: t(`billing.status.${b.subscriptionStatus}`) })}
            </p>
          </div>
          <form className="card" onSubmit={askPreview} noValidate>
            <h2>{t('billing.addSeats')}</h2>
            <Field
              label={t('billing.delta')}
              type="number"
              inputMode="numeric"
              step={1}
              value={delta}
              onChange={(e) => {
                setDelta(e.target.value);
                setPreview(null);
              }}
              error={seats.error?.fields.delta}
            />
            <ApiNotice error={seats.error} />
            <button type="submit" disabled={seats.busy}>
              {t('billing.preview')}
            </button>
            {preview ? (
              <div className="preview" role="status">
                <p>
                  {t('billing.previewText', {
                    before: preview.seatsBefore,
                    after: preview.seatsAfter,
                    totalBefore: price(preview.monthlyTotalBeforeCents),
                    totalAfter: price(preview.monthlyTotalAfterCents),
                    price: price(preview.seatPriceCents),
                  })}
                </p>
                <button type="button" onClick={confirm} disabled={seats.busy}>
                  {t('billing.confirm')}
                </button>{' '}
                <button type="button" className="secondary" onClick={() => setPreview(null)}>
                  {t('billing.cancel')}
                </button>
              </div>
            ) : null}
          </form>
          <PaymentMethodForm billing={b} onSaved={billing.reload} />
          <div className="card">
            <h2>{t('billing.plan')}</h2>
            <p>
              <strong>{t(`billing.plan.${b.plan}`)}</strong>
            </p>
            {b.plan === 'starter' ? <p>{t('billing.businessIncludes')}</p> : null}
            <ApiNotice error={plan.error} />
            <button
              type="button"
              className="secondary"
              disabled={plan.busy}
              onClick={() => switchPlan(b.plan === 'starter' ? 'business' : 'starter')}
            >
              {t('billing.changePlan', {
                plan: t(b.plan === 'starter' ? 'billing.plan.business' : 'billing.plan.starter'),
              })}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
