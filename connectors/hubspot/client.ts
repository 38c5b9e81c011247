import type { ConnectorDeps } from '../core/descriptor.ts';
import { createHttpClient, type HttpClient, type HttpRequest, type HttpResponse } from '../core/http.ts';
import type { HubspotConfig } from './config.ts';
import { toCrmError } from './errors.ts';
import { requestToken, tokenClient, tokenInfo } from './oauth.ts';
import { HUBSPOT_RATE, HUBSPOT_SEARCH_RATE } from './rate.ts';

/** Refresh this long before expiry: HubSpot says a 401 is not the signal to refresh (usage guidelines). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * HubSpot I/O: the bearer header, OAuth refresh (the only place it happens), and two HTTP clients
 * on core's engine, because Search has a budget of its own (5/s) apart from the 110/10 s of the rest.
 */
export class HubspotClient {
  private config: HubspotConfig;
  private readonly api: HttpClient;
  private readonly searchApi: HttpClient;
  private readonly tokens: HttpClient;
  private refreshing: Promise<void> | null = null;

  constructor(
    config: HubspotConfig,
    private readonly deps: ConnectorDeps,
  ) {
    this.config = config;
    const common = {
      crm: 'hubspot' as const,
      baseUrl: config.apiBaseUrl,
      limiter: deps.limiter,
      clock: deps.clock,
      toCrmError,
      headers: () => this.authHeaders(),
    };
    this.api = createHttpClient({ ...common, rate: HUBSPOT_RATE, rateKey: deps.rateKey });
    this.searchApi = createHttpClient({
      ...common,
      rate: HUBSPOT_SEARCH_RATE,
      rateKey: `${deps.rateKey}:search`,
    });
    this.tokens = tokenClient({
      apiBaseUrl: config.apiBaseUrl,
      limiter: deps.limiter,
      rateKey: `${deps.rateKey}:oauth`,
      clock: deps.clock,
    });
  }

  get settings(): HubspotConfig {
    return this.config;
  }

  request(request: HttpRequest): Promise<HttpResponse> {
    return this.api.request(request);
  }

  /** `POST /crm/v3/objects/{type}/search`: a read, so safe to retry. */
  search(objectType: string, body: unknown): Promise<HttpResponse> {
    return this.searchApi.request({
      method: 'POST',
      path: `/crm/v3/objects/${objectType}/search`,
      json: body,
      idempotent: true,
    });
  }

  /** `GET /oauth/v1/access-tokens/{token}`: the portal and user an OAuth token acts as. */
  async describeToken() {
    return tokenInfo(this.tokens, await this.accessToken());
  }

  private async accessToken(): Promise<string> {
    await this.freshToken();
    return this.config.credentials.accessToken;
  }

  private async authHeaders(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.accessToken()}` };
  }

  private async freshToken(): Promise<void> {
    const credentials = this.config.credentials;
    if (credentials.kind !== 'oauth') return;
    if (credentials.expiresAt - this.deps.clock.now() > REFRESH_MARGIN_MS) return;
    // One refresh for every request waiting on it: parallel refreshes would each persist a config.
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
  }

  private async refresh(): Promise<void> {
    const credentials = this.config.credentials;
    if (credentials.kind !== 'oauth') return;
    const startedAt = this.deps.clock.now();
    const tokens = await requestToken(this.tokens, {
      grant_type: 'refresh_token',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      refresh_token: credentials.refreshToken,
    });
    this.config = {
      ...this.config,
      credentials: {
        ...credentials,
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: startedAt + tokens.expires_in * 1000,
      },
    };
    this.deps.log.info({ crm: 'hubspot', portalId: this.config.portalId }, 'refreshed the HubSpot token');
    await this.deps.saveConfig?.(this.config);
  }
}
