import { createHash, randomBytes } from 'node:crypto';
import type { OAuthApp } from '../core/setup.ts';
import type { EmuRequest } from './emulator-server.ts';

export interface PendingCode {
  redirectUri: string;
  /** PKCE S256 challenge of the authorize request, null when the client sent none. */
  codeChallenge: string | null;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/**
 * The OAuth bookkeeping every emulated CRM shares: codes handed out by its authorize endpoint,
 * access tokens with their expiry, refresh tokens, revocation. Each emulator adds its CRM's own
 * endpoints and answers on top.
 */
export class TokenLedger<P extends PendingCode = PendingCode> {
  protected readonly access = new Map<string, number>();
  protected readonly refresh = new Set<string>();
  private readonly codes = new Map<string, P>();

  constructor(
    readonly app: OAuthApp,
    protected readonly now: () => number,
    private readonly shape: { accessPrefix: string; refreshPrefix: string; ttlSeconds: number },
  ) {}

  issue(): IssuedTokens {
    const accessToken = `${this.shape.accessPrefix}${randomBytes(12).toString('hex')}`;
    const refreshToken = `${this.shape.refreshPrefix}${randomBytes(12).toString('hex')}`;
    const expiresAt = this.now() + this.shape.ttlSeconds * 1000;
    this.access.set(accessToken, expiresAt);
    this.refresh.add(refreshToken);
    return { accessToken, refreshToken, expiresAt };
  }

  /** Makes a token expire now, to exercise refresh. */
  expire(accessToken: string): void {
    if (this.access.has(accessToken)) this.access.set(accessToken, this.now() - 1);
  }

  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  /** The bearer token of a request, if any. */
  bearer(request: EmuRequest): string | undefined {
    return /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  }

  /** When the access token expires; undefined for a token never issued or revoked. */
  expiresAt(accessToken: string | undefined): number | undefined {
    return accessToken === undefined ? undefined : this.access.get(accessToken);
  }

  clientMatches(form: URLSearchParams): boolean {
    return form.get('client_id') === this.app.clientId && form.get('client_secret') === this.app.clientSecret;
  }

  /** Remembers a code the authorize endpoint hands out. */
  hold(code: string, pending: P): void {
    this.codes.set(code, pending);
  }

  /**
   * Redeems a code once: null when it is unknown or used, was issued for another redirect URI, or
   * the verifier does not match its PKCE challenge.
   */
  redeem(form: URLSearchParams): P | null {
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.redirectUri !== form.get('redirect_uri')) return null;
    const challenge = createHash('sha256')
      .update(form.get('code_verifier') ?? '')
      .digest('base64url');
    return pending.codeChallenge && pending.codeChallenge !== challenge ? null : pending;
  }

  /** A refresh grant: a new access token, the same refresh token kept; null for an unknown refresh token. */
  refreshAccess(refreshToken: string): IssuedTokens | null {
    if (!this.refresh.has(refreshToken)) return null;
    const issued = this.issue();
    this.refresh.delete(issued.refreshToken);
    return { ...issued, refreshToken };
  }
}
