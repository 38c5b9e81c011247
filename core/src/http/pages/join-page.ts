import { escapeHtml, type Locale } from './locale.ts';

// Until the console lands (web issue), this page is how an invited person joins: it reads the
// token from the link, shows the team and email, and posts name and password to the API.
const TEXT = {
  fr: {
    title: 'Rejoindre votre équipe sur Parley',
    loading: 'Vérification de votre invitation…',
    intro: 'Vous êtes invité(e) à rejoindre',
    as: 'avec l’adresse',
    name: 'Votre nom',
    password: 'Choisissez un mot de passe (10 caractères minimum)',
    submit: 'Rejoindre l’équipe',
    done: 'Bienvenue ! Votre compte est prêt. Choisissez maintenant votre numéro dans Parley.',
    missing: 'Ce lien d’invitation est incomplet : ouvrez le lien reçu par e-mail.',
    other: 'English',
    invitation_expired: 'Cette invitation a expiré : demandez à votre administrateur de la renvoyer.',
    invitation_revoked: 'Cette invitation a été retirée : demandez-en une nouvelle à votre administrateur.',
    invitation_used:
      'Cette invitation a déjà servi : connectez-vous avec votre e-mail et votre mot de passe.',
    invitation_invalid:
      'Ce lien d’invitation n’est pas valide : demandez à votre administrateur de le renvoyer.',
  },
  en: {
    title: 'Join your team on Parley',
    loading: 'Checking your invitation…',
    intro: 'You are invited to join',
    as: 'as',
    name: 'Your name',
    password: 'Choose a password (at least 10 characters)',
    submit: 'Join the team',
    done: 'Welcome! Your account is ready. Next, pick your own number in Parley.',
    missing: 'This invitation link is incomplete: open the link from the email.',
    other: 'Français',
    invitation_expired: 'This invitation has expired: ask your admin to resend it.',
    invitation_revoked: 'This invitation was withdrawn: ask your admin for a new one.',
    invitation_used: 'This invitation was already used: sign in with your email and password.',
    invitation_invalid: 'This invitation link is not valid: ask your admin to resend it.',
  },
} satisfies Record<Locale, Record<string, string>>;

export function joinPage(locale: Locale): string {
  const t = TEXT[locale];
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  const strings = JSON.stringify(t).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
  main { max-width: 420px; margin: 8vh auto; background: #fff; padding: 2rem; border-radius: 12px; box-shadow: 0 2px 12px #0001; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; border: 1px solid #b8bfcc; border-radius: 6px; font: inherit; }
  button { margin-top: 1.5rem; width: 100%; padding: .75rem; border: 0; border-radius: 6px; background: #2450d8; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  .error { color: #b3261e; font-size: .9rem; margin-top: .25rem; }
  .lang { float: right; font-size: .9rem; }
</style>
</head>
<body>
<main>
  <a class="lang" id="lang" href="?lang=${other}" hreflang="${other}">${escapeHtml(t.other)}</a>
  <h1>${escapeHtml(t.title)}</h1>
  <p id="status" role="status">${escapeHtml(t.loading)}</p>
  <form id="form" hidden novalidate>
    <label for="name">${escapeHtml(t.name)}</label>
    <input id="name" name="name" autocomplete="name" required>
    <div class="error" id="name-error"></div>
    <label for="password">${escapeHtml(t.password)}</label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10">
    <div class="error" id="password-error"></div>
    <button type="submit">${escapeHtml(t.submit)}</button>
    <div class="error" id="form-error" role="alert"></div>
  </form>
</main>
<script type="module">
  const t = ${strings};
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  const status = document.getElementById('status');
  const form = document.getElementById('form');
  document.getElementById('lang').href = '?' + new URLSearchParams({ ...Object.fromEntries(params), lang: '${other}' });
  const post = (path, body) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then(async (res) => ({ ok: res.ok, body: await res.json() }));
  if (!token) status.textContent = t.missing;
  else {
    const info = await post('/api/invitations/lookup', { token });
    if (!info.ok) status.textContent = t[info.body.error.code] || info.body.error.message;
    else {
      status.textContent = t.intro + ' ' + info.body.accountName + ' ' + t.as + ' ' + info.body.email + '.';
      form.hidden = false;
    }
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const id of ['name-error', 'password-error', 'form-error']) document.getElementById(id).textContent = '';
    const res = await post('/api/invitations/accept', { token, name: form.name.value, password: form.password.value });
    if (res.ok) { form.hidden = true; status.textContent = t.done; return; }
    const fields = res.body.error.details.fields || {};
    for (const [field, message] of Object.entries(fields)) {
      const slot = document.getElementById(field + '-error');
      if (slot) slot.textContent = message;
    }
    if (!fields.name && !fields.password)
      document.getElementById('form-error').textContent = t[res.body.error.code] || res.body.error.message;
  });
</script>
</body>
</html>`;
}
