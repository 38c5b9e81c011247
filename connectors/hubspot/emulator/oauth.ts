import { randomUUID } from 'node:crypto';
import type { OAuthApp } from '../../core/setup.ts';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { TokenLedger } from '../../testing/token-ledger.ts';
import { hubspotError } from './answers.ts';
import type { HubspotState } from './state.ts';

/** HubSpot access tokens live 30 minutes. */
export const ACCESS_TTL_SECONDS = 1800;

/** Tokens the emulated portal accepts; revoking clears them all, as uninstalling the app does. */
export class TokenStore extends TokenLedger {
  readonly privateAppToken = `pat-na1-${randomUUID()}`;
  private privateAppValid = true;

  constructor(
    app: OAuthApp,
    private readonly state: HubspotState,
    now: () => number,
  ) {
    super(app, now, { accessPrefix: 'emu-at-', refreshPrefix: 'emu-rt-', ttlSeconds: ACCESS_TTL_SECONDS });
  }

  override revokeAll(): void {
    super.revokeAll();
    this.privateAppValid = false;
  }

  /** null when the bearer token is good, else HubSpot's 401. */
  check(request: EmuRequest): EmuResponse | null {
    const token = this.bearer(request);
    if (token && token === this.privateAppToken && this.privateAppValid) return null;
    const expiresAt = this.expiresAt(token);
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
    this.hold(code, { redirectUri, codeChallenge: q.get('code_challenge') });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = q.get('state');
    if (state) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.href } };
  }

  /** `POST /oauth/v1/token`, form-encoded: authorization_code and refresh_token grants. */
  token(request: EmuRequest): EmuResponse {
    const form = new URLSearchParams(request.rawBody);
    if (!this.clientMatches(form)) {
      return this.oauthError('BAD_CLIENT_ID', 'missing or invalid client_id or client_secret');
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      if (!this.redeem(form)) {
        return this.oauthError(
          'BAD_AUTH_CODE',
          'missing, unknown or already used auth code, or a code_verifier that does not match',
        );
      }
      return this.tokens(this.issue());
    }
    if (grant === 'refresh_token') {
      // HubSpot keeps the refresh token: the same one comes back.
      const refreshed = this.refreshAccess(form.get('refresh_token') ?? '');
      return refreshed
        ? this.tokens(refreshed)
        : this.oauthError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
    }
    return this.oauthError('BAD_GRANT_TYPE', `unsupported grant_type ${grant ?? ''}`);
  }

  /** `GET /oauth/v1/access-tokens/{token}`. */
  describe(token: string): EmuResponse {
    const expiresAt = this.expiresAt(token);
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
