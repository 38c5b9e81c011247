import type { Request } from 'express';
import { EMBED_TOKEN_PREFIX } from '../domain/identity/embed-tokens.ts';
import {
  principalFromApiToken,
  principalFromEmbedToken,
  principalFromSession,
  type ResolvedPrincipal,
} from '../domain/identity/principals.ts';
import type { Services } from '../services.ts';

export const SESSION_COOKIE = 'parley_session';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function fromBearer(token: string, services: Services): Promise<ResolvedPrincipal | null> {
  return token.startsWith(EMBED_TOKEN_PREFIX)
    ? principalFromEmbedToken(services.db, token, services.now())
    : principalFromApiToken(services.db, token, services.now());
}

/**
 * The caller, from a bearer token (API token for CRM extensions and scripts, embed token for the
 * framed dialer) or the session cookie (browser). `tokenInQuery` routes also read an embed token
 * from `?access_token=`; never an API token there: those do not expire, and URLs get logged.
 */
export async function authenticate(
  req: Request,
  services: Services,
  options: { tokenInQuery?: boolean } = {},
): Promise<ResolvedPrincipal | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return fromBearer(header.slice(7).trim(), services);
  const fromQuery = options.tokenInQuery ? req.query.access_token : undefined;
  if (typeof fromQuery === 'string' && fromQuery !== '')
    return fromQuery.startsWith(EMBED_TOKEN_PREFIX)
      ? principalFromEmbedToken(services.db, fromQuery, services.now())
      : null;
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  return cookie ? principalFromSession(services.db, cookie, services.now()) : null;
}
