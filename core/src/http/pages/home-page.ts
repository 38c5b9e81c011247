import { escapeHtml, type Locale } from './locale.ts';

const TEXT = {
  fr: {
    title: 'Parley fonctionne',
    body: 'Le serveur Parley répond. Les administrateurs règlent l’équipe dans la console ; les commerciaux appellent depuis le combiné.',
    console: 'Console d’administration',
    dialer: 'Combiné',
    api: 'Documentation de l’API (OpenAPI)',
    health: 'État du serveur',
  },
  en: {
    title: 'Parley is running',
    body: 'The Parley server is up. Admins set the team up in the console; reps call from the dialer.',
    console: 'Admin console',
    dialer: 'Dialer',
    api: 'API reference (OpenAPI)',
    health: 'Server readiness',
  },
} satisfies Record<Locale, Record<string, string>>;

export function homePage(locale: Locale): string {
  const t = TEXT[locale];
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:10vh auto;padding:0 1rem;color:#1d2330}</style></head>
<body><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.body)}</p>
<ul><li><a href="/app">${escapeHtml(t.console)}</a></li><li><a href="/dialer">${escapeHtml(t.dialer)}</a></li><li><a href="/api/openapi.json">${escapeHtml(t.api)}</a></li><li><a href="/readyz">${escapeHtml(t.health)}</a></li></ul>
<p><a href="?lang=${locale === 'fr' ? 'en' : 'fr'}">${locale === 'fr' ? 'English' : 'Français'}</a></p></body></html>`;
}
