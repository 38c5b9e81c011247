import type { Request } from 'express';
import {
  principalFromApiToken,
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

/** The caller, from a bearer API token (CRM extensions, scripts) or the session cookie (browser). */
export async function authenticate(req: Request, services: Services): Promise<ResolvedPrincipal | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer '))
    return principalFromApiToken(services.db, header.slice(7).trim(), services.now());
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  return cookie ? principalFromSession(services.db, cookie, services.now()) : null;
}
