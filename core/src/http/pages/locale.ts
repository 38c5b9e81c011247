import type { Request } from 'express';

export type Locale = 'fr' | 'en';

/** `?lang=` first, then the browser's Accept-Language; French when it is among the first choices. */
export function pickLocale(req: Request): Locale {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  if (asked === 'fr' || asked === 'en') return asked;
  const first = req.acceptsLanguages('fr', 'en');
  return first === 'fr' ? 'fr' : 'en';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
