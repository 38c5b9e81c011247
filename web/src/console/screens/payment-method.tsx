import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { Field } from '../../ui/field.tsx';
import { useSubmit } from '../load.ts';
import { ApiNotice, Done } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { Billing } from '../types.ts';

/** Numbers typed go as numbers; anything else goes as typed so the API's message explains it. */
const whole = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text) : text);

/**
 * The card on file (brand, last four digits, expiry: Parley keeps no card number). Setting it
 * settles an overdue balance, which is what unblocks adding seats (the seed's "cannot add members").
 */
export function PaymentMethodForm({ billing, onSaved }: { billing: Billing; onSaved: () => Promise<void> }) {
  const t = useConsoleText();
  const [card, setCard] = useState({ brand: '', last4: '', expMonth: '', expYear: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const set = (key: keyof typeof card) => (event: { target: { value: string } }) =>
    setCard((old) => ({ ...old, [key]: event.target.value }));
  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const body = { ...card, expMonth: whole(card.expMonth), expYear: whole(card.expYear) };
    if (await submit.run(() => api<unknown>('PUT', '/api/billing/payment-method', body))) {
      setSaved(t('payment.saved'));
      await onSaved();
    }
  }
  const fields = submit.error?.fields ?? {};
  const current = billing.paymentMethod;
  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="payment-title">
      <h2 id="payment-title">{t('payment.title')}</h2>
      <p>
        {current ? t('payment.current', { brand: current.brand, last4: current.last4 }) : t('payment.none')}
      </p>
      <div className="grid-3">
        <Field label={t('payment.brand')} value={card.brand} onChange={set('brand')} error={fields.brand} />
        <Field
          label={t('payment.last4')}
          inputMode="numeric"
          value={card.last4}
          onChange={set('last4')}
          error={fields.last4}
        />
        <Field
          label={t('payment.expMonth')}
          inputMode="numeric"
          value={card.expMonth}
          onChange={set('expMonth')}
          error={fields.expMonth}
        />
        <Field
          label={t('payment.expYear')}
          inputMode="numeric"
          value={card.expYear}
          onChange={set('expYear')}
          error={fields.expYear}
        />
      </div>
      <ApiNotice error={submit.error} />
      <Done text={saved} />
      <button type="submit" disabled={submit.busy}>
        {t('payment.save')}
      </button>
    </form>
  );
}
