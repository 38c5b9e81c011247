import { dialable } from './phone-format.ts';

/**
 * The number a link asked the dialer to call: `?call=+33…`, `?call=tel:+33…` (what a `tel:`
 * protocol handler registered as `/dialer?call=%s` receives) or `?tel=…`. A `tel:` URI's
 * parameters (`;ext=12`, `;phone-context=…`) are dropped: the dialer calls the number itself.
 */
export function dialRequestFromUrl(search: string): string | null {
  const params = new URLSearchParams(search);
  const asked = params.get('call') ?? params.get('tel');
  if (!asked) return null;
  const number = dialable(decodeURIComponent(asked).replace(/^tel:/i, '').split(';')[0] ?? '');
  return number.replace(/\D/g, '').length >= 3 ? number : null;
}

/** A host page's `{ type: 'parley.dial', number }` message, or null for anything else. */
export function dialRequestFromMessage(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, number } = data as { type?: unknown; number?: unknown };
  if (type !== 'parley.dial' || typeof number !== 'string') return null;
  return dialRequestFromUrl(`?call=${encodeURIComponent(number)}`);
}

/** The same address without its dial request, so a reload does not call again. */
export function withoutDialRequest(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('call');
  url.searchParams.delete('tel');
  return url.toString();
}
