import { BusError } from './errors.ts';

/**
 * The URL as it may appear in messages and logs: checked to be a Redis URL, password hidden.
 * Throws BusError('invalid') for anything node-redis could not connect to.
 */
export function describeRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BusError(
      'invalid',
      'REDIS_URL is not a URL: set it to something like redis://127.0.0.1:6379, or unset it to use the in-process bus',
    );
  }
  if (parsed.password) parsed.password = '***';
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new BusError(
      'invalid',
      `REDIS_URL must start with redis:// or rediss://, got ${parsed.href}: fix it, or unset it to use the in-process bus`,
    );
  }
  return parsed.href;
}
