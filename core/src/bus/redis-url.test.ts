import { describe, expect, it } from 'vitest';
import { describeRedisUrl } from './redis-url.ts';

describe('describeRedisUrl', () => {
  it('hides the password but keeps where the server is', () => {
    expect(describeRedisUrl('redis://user:s3cret@cache.internal:6380/2')).toBe(
      'redis://user:***@cache.internal:6380/2',
    );
  });

  it('accepts rediss for TLS', () => {
    expect(describeRedisUrl('rediss://cache.internal')).toBe('rediss://cache.internal');
  });

  it('refuses a URL that is not a Redis URL, without echoing the password', () => {
    expect(() => describeRedisUrl('http://u:s3cret@cache.internal')).toThrow(/redis:\/\/.*\*\*\*/);
    expect(() => describeRedisUrl('http://u:s3cret@cache.internal')).not.toThrow(/s3cret/);
    expect(() => describeRedisUrl('127.0.0.1:6379')).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});
