import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, SelectField } from '../../ui/field.tsx';
import { LanguageSwitch } from '../../ui/session.tsx';
import { COUNTRIES, countryName } from '../format.ts';
import { useSubmit } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { Link } from '../router.tsx';
import { useConsoleText } from '../texts.ts';
import type { ConsoleMe } from '../types.ts';

/** The first admin creates the team (POST /api/signup); the session cookie comes with the answer. */
export function SignUpScreen({ onSignedUp }: { onSignedUp: (me: ConsoleMe) => void }) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const [form, setForm] = useState({ name: '', email: '', password: '', company: '', country: 'FR' });
  const submit = useSubmit();
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((old) => ({ ...old, [key]: event.target.value }));
  async function send(event: FormEvent) {
    event.preventDefault();
    const me = await submit.run(() => api<ConsoleMe>('POST', '/api/signup', { ...form, locale }));
    if (me) onSignedUp(me);
  }
  const fields = submit.error?.fields ?? {};
  return (
    <main className="signin">
      <form className="card" onSubmit={send} noValidate>
        <h1>{t('signup.title')}</h1>
        <Field
          label={t('signup.name')}
          autoComplete="name"
          value={form.name}
          onChange={set('name')}
          error={fields.name}
        />
        <Field
          label={t('signup.email')}
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
          error={fields.email}
        />
        <Field
          label={t('signup.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={fields.password}
        />
        <Field
          label={t('signup.company')}
          autoComplete="organization"
          value={form.company}
          onChange={set('company')}
          error={fields.company}
        />
        <SelectField
          label={t('signup.country')}
          value={form.country}
          onChange={set('country')}
          error={fields.country}
        >
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {countryName(locale, code)}
            </option>
          ))}
        </SelectField>
        <ApiNotice error={submit.error} />
        <button type="submit" disabled={submit.busy}>
          {t('signup.submit')}
        </button>
      </form>
      <nav className="signin-extra" aria-label={t('signup.haveAccount')}>
        <Link to="/">{t('signup.haveAccount')}</Link>
        <LanguageSwitch />
      </nav>
    </main>
  );
}
