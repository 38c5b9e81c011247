import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

/**
 * twilio's own HTTP client with one change: requests for *.twilio.com go to `baseUrl` instead.
 * Tests hand it to the real client (`ClientOpts.httpClient`, the hook twilio offers for custom
 * transports) so the whole production path runs against the emulator. The client builds absolute
 * https://api.twilio.com URLs itself, edge and region included, so the rewrite happens here, last.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  readonly #baseUrl: URL;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.#baseUrl = new URL(baseUrl);
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...options, uri: this.rewrite(options.uri) });
  }

  private rewrite(uri: string): string {
    const target = new URL(uri);
    if (target.hostname !== 'twilio.com' && !target.hostname.endsWith('.twilio.com')) return uri;
    const basePath = this.#baseUrl.pathname.replace(/\/$/, '');
    return `${this.#baseUrl.origin}${basePath}${target.pathname}${target.search}`;
  }
}
