import { randomUUID } from 'node:crypto';
import type { OAuthApp } from '../../core/setup.ts';
import type { EmuRequest, EmuResponse } from '../../testing/emulator-server.ts';
import { type PendingCode as LedgerCode, TokenLedger } from '../../testing/token-ledger.ts';
import { invalidClient, revokedRefreshToken, unauthenticated } from './answers.ts';

/** Google access tokens last an hour (`expires_in` 3599). */
export const ACCESS_TTL_SECONDS = 3599;
const SCOPE = 'https://www.googleapis.com/auth/contacts.readonly';

interface PendingCode extends LedgerCode {
  offline: boolean;
}

const htmlError = (message: string): EmuResponse => ({
  status: 400,
  headers: { 'content-type': 'text/html' },
  body: `<h1>400. That’s an error.</h1><p>${message}</p>`,
});

/** Tokens the emulated account accepts; revoking clears them all, as removing the app's access does. */
export class TokenStore extends TokenLedger<PendingCode> {
  constructor(app: OAuthApp, now: () => number) {
    super(app, now, { accessPrefix: 'ya29.emu-', refreshPrefix: '1//emu-', ttlSeconds: ACCESS_TTL_SECONDS });
  }

  /** null when the bearer token is good, else Google's 401. */
  check(request: EmuRequest): EmuResponse | null {
    const expiresAt = this.expiresAt(this.bearer(request));
    return expiresAt !== undefined && expiresAt > this.now() ? null : unauthenticated();
  }

  /** `GET /o/oauth2/v2/auth`: the user consents at once; back to the app with a code, no UI. */
  authorize(request: EmuRequest): EmuResponse {
    const q = request.query;
    const redirectUri = q.get('redirect_uri');
    if (q.get('client_id') !== this.app.clientId || !redirectUri) {
      return htmlError('Error 401: invalid_client. The OAuth client was not found.');
    }
    if (q.get('response_type') !== 'code' || !q.get('scope')?.split(' ').includes(SCOPE)) {
      return htmlError('Error 400: invalid_request. Missing required parameter: response_type or scope.');
    }
    const codeChallenge = q.get('code_challenge');
    if (!codeChallenge || q.get('code_challenge_method') !== 'S256') {
      return htmlError('Error 400: invalid_request. code_challenge_method must be S256.');
    }
    const code = `4/emu-${randomUUID()}`;
    this.hold(code, { redirectUri, codeChallenge, offline: q.get('access_type') === 'offline' });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('scope', SCOPE);
    const state = q.get('state');
    if (state) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.href } };
  }

  /** `POST /token`, form-encoded: authorization_code and refresh_token grants. */
  token(request: EmuRequest): EmuResponse {
    const form = new URLSearchParams(request.rawBody);
    if (!this.clientMatches(form)) return invalidClient();
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const pending = this.redeem(form);
      if (!pending)
        return { status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request' } };
      const issued = this.issue();
      if (!pending.offline) this.refresh.delete(issued.refreshToken);
      return this.answer(issued.accessToken, pending.offline ? issued.refreshToken : undefined);
    }
    if (grant === 'refresh_token') {
      // Google keeps the refresh token and does not send it again on a refresh.
      const refreshed = this.refreshAccess(form.get('refresh_token') ?? '');
      return refreshed ? this.answer(refreshed.accessToken, undefined) : revokedRefreshToken();
    }
    return {
      status: 400,
      body: { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${grant ?? ''}` },
    };
  }

  private answer(accessToken: string, refreshToken: string | undefined): EmuResponse {
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: ACCESS_TTL_SECONDS,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        scope: SCOPE,
        token_type: 'Bearer',
      },
    };
  }
}
