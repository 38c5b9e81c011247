import { createHash, randomBytes } from 'node:crypto';
import type { OAuthApp } from '../../core/setup.ts';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';

const token = (prefix: string) => `${prefix}!${randomBytes(24).toString('base64url')}`;

/** The OAuth error body of Salesforce's token endpoint (help "OAuth 2.0 Web Server Flow"). */
const oauthError = (error: string, description: string): EmuResponse => ({
  status: 400,
  body: { error, error_description: description },
});

interface PendingCode {
  challenge: string;
  redirectUri: string;
}

/**
 * The org's sessions: access tokens that expire or get revoked, refresh tokens, authorization codes
 * bound to their PKCE challenge; and the OAuth endpoints on the login host.
 */
export class Sessions {
  private readonly access = new Set<string>();
  private readonly refresh = new Set<string>();
  private readonly codes = new Map<string, PendingCode>();
  readonly app: OAuthApp;

  constructor(
    readonly url: string,
    readonly orgId: string,
    readonly userId: string,
  ) {
    this.app = { clientId: `3MVG9.parley.emulator`, clientSecret: token('secret'), authBaseUrl: url };
  }

  identityUrl(): string {
    return `${this.url}/id/${this.orgId}/${this.userId}`;
  }

  issue(): { accessToken: string; refreshToken: string } {
    const pair = { accessToken: token(this.orgId.slice(0, 15)), refreshToken: token('5Aep') };
    this.access.add(pair.accessToken);
    this.refresh.add(pair.refreshToken);
    return pair;
  }

  /** An access token still valid: from `Authorization: Bearer` or the identity URL's `oauth_token`. */
  isValid(request: EmuRequest): boolean {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const presented = bearer ?? request.query.get('oauth_token');
    return presented !== null && presented !== undefined && this.access.has(presented);
  }

  /** Sessions time out (Session Settings); the refresh token still works. */
  expireSessions(): void {
    this.access.clear();
  }

  /** An admin revoked the connected app: every token stops working. */
  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  authorize(request: EmuRequest): EmuResponse {
    const q = request.query;
    const redirectUri = q.get('redirect_uri');
    const challenge = q.get('code_challenge');
    if (q.get('client_id') !== this.app.clientId || !redirectUri) {
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'error=invalid_client_id' };
    }
    if (q.get('response_type') !== 'code' || !challenge || q.get('code_challenge_method') !== 'S256') {
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'error=invalid_request' };
    }
    const code = token('aPrx');
    this.codes.set(code, { challenge, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = q.get('state');
    if (state) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() } };
  }

  token(request: EmuRequest): EmuResponse {
    const form = new URLSearchParams(request.rawBody);
    if (form.get('client_id') !== this.app.clientId || form.get('client_secret') !== this.app.clientSecret) {
      return oauthError('invalid_client', 'invalid client credentials');
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      const pending = this.codes.get(code);
      this.codes.delete(code);
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!pending || pending.redirectUri !== form.get('redirect_uri') || pending.challenge !== challenge) {
        return oauthError('invalid_grant', 'authentication failure');
      }
      const pair = this.issue();
      return this.tokenAnswer(pair.accessToken, pair.refreshToken);
    }
    if (grant === 'refresh_token') {
      if (!this.refresh.has(form.get('refresh_token') ?? '')) {
        return oauthError('invalid_grant', 'expired access/refresh token');
      }
      const accessToken = token(this.orgId.slice(0, 15));
      this.access.add(accessToken);
      return this.tokenAnswer(accessToken);
    }
    return oauthError('unsupported_grant_type', 'grant type not supported');
  }

  private tokenAnswer(accessToken: string, refreshToken?: string): EmuResponse {
    const issuedAt = String(Date.now());
    return {
      status: 200,
      body: {
        access_token: accessToken,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        signature: createHash('sha256')
          .update(issuedAt + accessToken)
          .digest('base64'),
        scope: 'refresh_token api',
        instance_url: this.url,
        id: this.identityUrl(),
        token_type: 'Bearer',
        issued_at: issuedAt,
      },
    };
  }
}
