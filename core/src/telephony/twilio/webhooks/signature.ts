import { createHmac, timingSafeEqual } from 'node:crypto';
import { CarrierError } from '../../errors.ts';
import type { FormParams } from './form.ts';

/**
 * X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + every key+value, keys sorted)). Array values
 * are deduplicated and sorted, then each is appended as key+value. This is twilio-node's
 * getExpectedTwilioSignature, written here so the hot path needs no twilio import; the tests hold
 * the two together.
 */
export function computeTwilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key] ?? '';
    const values = typeof value === 'string' ? [value] : [...new Set(value)].sort();
    for (const item of values) data += key + item;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export interface SignedRequest {
  authToken: string;
  /** The exact URL Twilio requested, query string included (see publicWebhookUrl). */
  url: string;
  /** The form body; {} for a GET, whose parameters are in the URL. */
  params: FormParams;
  /** The X-Twilio-Signature header; undefined when it is missing. */
  signature: string | undefined;
}

/**
 * True when the signature matches the URL as given or the URL with its default port (:443, :80)
 * added or removed: Twilio signs the URL as configured and the two spellings reach us identically.
 * Unlike twilio.validateRequest, a non-default port is never dropped, and the query string is never
 * re-encoded: the URL must be the one Twilio signed.
 */
export function verifyTwilioSignature({ authToken, url, params, signature }: SignedRequest): boolean {
  if (!authToken || !signature) return false;
  const received = Buffer.from(signature);
  return urlSpellings(url).some((candidate) => {
    const expected = Buffer.from(computeTwilioSignature(authToken, candidate, params));
    return expected.length === received.length && timingSafeEqual(expected, received);
  });
}

const DEFAULT_PORT: Record<string, string> = { 'http://': ':80', 'https://': ':443' };
// scheme, user info, host (an IPv6 literal keeps its colons), port, then path, query and fragment.
const URL_PARTS = /^(https?:\/\/)([^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)(:\d*)?(.*)$/is;

function urlSpellings(url: string): string[] {
  const parts = URL_PARTS.exec(url);
  if (!parts) return [url];
  const [, scheme = '', userInfo = '', host = '', port = '', rest = ''] = parts;
  const defaultPort = DEFAULT_PORT[scheme.toLowerCase()];
  if (port === '') return [url, scheme + userInfo + host + defaultPort + rest];
  if (port === defaultPort) return [url, scheme + userInfo + host + rest];
  return [url];
}

/**
 * The URL Twilio signed for a request that reached us as `originalUrl` (express's req.originalUrl:
 * path and query exactly as received). PUBLIC_URL is where this server's root is published, path
 * prefix included when a proxy mounts it under one (https://x.example/parley). The query string is
 * kept byte for byte: re-encoding or sorting it changes what was signed.
 */
export function publicWebhookUrl(publicUrl: string, originalUrl: string): string {
  if (!/^https?:\/\/[^/?#]+(\/[^?#]*)?$/i.test(publicUrl)) {
    throw new CarrierError(
      'invalid',
      `PUBLIC_URL "${publicUrl}" must be an http(s) address without query string or fragment, such as https://phone.example.com or https://example.com/parley.`,
    );
  }
  if (!originalUrl.startsWith('/')) {
    throw new CarrierError('invalid', `The request path "${originalUrl}" must start with "/".`);
  }
  return publicUrl.replace(/\/+$/, '') + originalUrl;
}
