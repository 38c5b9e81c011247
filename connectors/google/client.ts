import type { ConnectorDeps } from '../core/descriptor.ts';
import type { HttpClient, HttpResponse } from '../core/http.ts';
import { createHttpClient } from '../core/http.ts';
import type { GoogleConfig } from './config.ts';
import { toCrmError } from './errors.ts';
import { requestToken, tokenClient } from './oauth.ts';
import { GOOGLE_RATE } from './rate.ts';

/** Refresh this long before expiry, so a page read never starts on a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export type Query = Record<string, string | number | boolean | undefined>;

/** People API I/O: the bearer header and OAuth refresh (the only place it happens), on core's engine. */
export class GoogleClient {
  private config: GoogleConfig;
  private readonly api: HttpClient;
  private readonly tokens: HttpClient;
  private refreshing: Promise<void> | null = null;

  constructor(
    config: GoogleConfig,
    private readonly deps: ConnectorDeps,
  ) {
    this.config = config;
    this.api = createHttpClient({
      crm: 'google',
      baseUrl: config.apiBaseUrl,
      rate: GOOGLE_RATE,
      limiter: deps.limiter,
      rateKey: deps.rateKey,
      clock: deps.clock,
      toCrmError,
      headers: () => this.authHeaders(),
    });
    this.tokens = tokenClient({
      tokenUrl: config.tokenUrl,
      limiter: deps.limiter,
      rateKey: `${deps.rateKey}:oauth`,
      clock: deps.clock,
    });
  }

  get settings(): GoogleConfig {
    return this.config;
  }

  get(path: string, query: Query): Promise<HttpResponse> {
    return this.api.request({ method: 'GET', path, query });
  }

  private async authHeaders(): Promise<Record<string, string>> {
    await this.freshToken();
    return { authorization: `Bearer ${this.config.accessToken}` };
  }

  private async freshToken(): Promise<void> {
    if (this.config.expiresAt - this.deps.clock.now() > REFRESH_MARGIN_MS) return;
    // One refresh for every request waiting on it: parallel refreshes would each persist a config.
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
  }

  /** https://developers.google.com/identity/protocols/oauth2/web-server#offline */
  private async refresh(): Promise<void> {
    const startedAt = this.deps.clock.now();
    const tokens = await requestToken(this.tokens, this.config.tokenUrl, {
      grant_type: 'refresh_token',
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
      refresh_token: this.config.refreshToken,
    });
    this.config = {
      ...this.config,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? this.config.refreshToken,
      expiresAt: startedAt + tokens.expires_in * 1000,
    };
    this.deps.log.info({ crm: 'google' }, 'refreshed the Google token');
    await this.deps.saveConfig?.(this.config);
  }
}
