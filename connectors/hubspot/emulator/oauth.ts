import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { OAuthApp } from '../../core/setup.ts';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { hubspotError } from './answers.ts';
import type { HubspotState } from './state.ts';

/** HubSpot access tokens live 30 minutes. */
export const ACCESS_TTL_SECONDS = 1800;

interface PendingCode {
  redirectUri: string;
  codeChallenge: string | null;
}

/** Tokens the emulated portal accepts; revoking clears them all, as uninstalling the app does. */
export class TokenStore {
  private readonly access = new Map<string, number>();
  private readonly refresh = new Set<string>();
  private readonly codes = new Map<string, PendingCode>();
  readonly privateAppToken = `pat-na1-${randomUUID()}`;
  private privateAppValid = true;

  constructor(
    readonly app: OAuthApp,
    private readonly state: HubspotState,
    private readonly now: () => number,
  ) {}

  issue(): { accessToken: string; refreshToken: string; expiresAt: number } {
    const accessToken = `emu-at-${randomBytes(12).toString('hex')}`;
    const refreshToken = `emu-rt-${randomBytes(12).toString('hex')}`;
    const expiresAt = this.now() + ACCESS_TTL_SECONDS * 1000;
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
    this.privateAppValid = false;
  }

  /** null when the bearer token is good, else HubSpot's 401. */
  check(request: EmuRequest): EmuResponse | null {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token && token === this.privateAppToken && this.privateAppValid) return null;
    const expiresAt = token ? this.access.get(token) : undefined;
    if (expiresAt === undefined) {
      return hubspotError(
        401,
        'INVALID_AUTHENTICATION',
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      );
    }
    if (expiresAt <= this.now()) {
      const minutes = Math.max(1, Math.round((this.now() - expiresAt) / 60_000));
      return hubspotError(
        401,
        'EXPIRED_AUTHENTICATION',
        `The OAuth token used to make this call expired ${minutes} minute(s) ago.`,
      );
    }
    return null;
  }

  /** `GET /oauth/authorize`: the user approves at once; back to the app with a code. */
  authorize(request: EmuRequest): EmuResponse {
    const q = request.query;
    const redirectUri = q.get('redirect_uri');
    if (q.get('client_id') !== this.app.clientId || !redirectUri) {
      return {
        status: 400,
        headers: { 'content-type': 'text/plain' },
        body: 'Invalid client_id or redirect_uri',
      };
    }
    const code = randomUUID();
    this.codes.set(code, { redirectUri, codeChallenge: q.get('code_challenge') });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = q.get('state');
    if (state) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.href } };
  }

  /** `POST /oauth/v1/token`, form-encoded: authorization_code and refresh_token grants. */
  token(request: EmuRequest): EmuResponse {
    const form = new URLSearchParams(request.rawBody);
    if (form.get('client_id') !== this.app.clientId || form.get('client_secret') !== this.app.clientSecret) {
      return this.oauthError('BAD_CLIENT_ID', 'missing or invalid client_id or client_secret');
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      const pending = this.codes.get(code);
      this.codes.delete(code);
      if (!pending || pending.redirectUri !== form.get('redirect_uri')) {
        return this.oauthError('BAD_AUTH_CODE', 'missing or unknown auth code');
      }
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (pending.codeChallenge && pending.codeChallenge !== challenge) {
        return this.oauthError('BAD_AUTH_CODE', 'code_verifier does not match the code_challenge');
      }
      return this.tokens(this.issue());
    }
    if (grant === 'refresh_token') {
      const refreshToken = form.get('refresh_token') ?? '';
      if (!this.refresh.has(refreshToken))
        return this.oauthError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
      const issued = this.issue();
      // HubSpot keeps the refresh token: the same one comes back.
      this.refresh.delete(issued.refreshToken);
      return this.tokens({ ...issued, refreshToken });
    }
    return this.oauthError('BAD_GRANT_TYPE', `unsupported grant_type ${grant ?? ''}`);
  }

  /** `GET /oauth/v1/access-tokens/{token}`. */
  describe(token: string): EmuResponse {
    const expiresAt = this.access.get(token);
    if (expiresAt === undefined || expiresAt <= this.now()) {
      return hubspotError(404, 'OBJECT_NOT_FOUND', 'Token not found or expired.');
    }
    return {
      status: 200,
      body: {
        token,
        user: this.state.user.email,
        hub_domain: this.state.hubDomain,
        scopes: ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write'],
        hub_id: this.state.portalId,
        app_id: this.state.appId,
        expires_in: Math.floor((expiresAt - this.now()) / 1000),
        user_id: this.state.user.id,
        token_type: 'access',
      },
    };
  }

  private tokens(issued: { accessToken: string; refreshToken: string }): EmuResponse {
    return {
      status: 200,
      body: {
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        expires_in: ACCESS_TTL_SECONDS,
        token_type: 'bearer',
        token_use: 'access_token',
        hub_id: this.state.portalId,
        user_id: this.state.user.id,
        scopes: ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write'],
      },
    };
  }

  // The token endpoint names the error in `status`; `category` is added because the spec's `Error` requires it.
  private oauthError(status: string, message: string): EmuResponse {
    return { status: 400, body: { status, message, correlationId: randomUUID(), category: status } };
  }
}
