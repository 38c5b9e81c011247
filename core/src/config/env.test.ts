import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, publicUrl } from './env.ts';

describe('configuration', () => {
  it('runs with nothing set: embedded store, simulator, port 3000', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, PARLEY_DATA_DIR: './data', NODE_ENV: 'development' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(publicUrl(env, 3000)).toBe('http://localhost:3000');
  });

  it('treats an empty URL as unset and trims a trailing slash from PUBLIC_URL', () => {
    const env = parseEnv({ DATABASE_URL: '', PUBLIC_URL: 'https://phone.example.com/' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(publicUrl(env, 3000)).toBe('https://phone.example.com');
  });

  it.each([
    [{ TWILIO_ACCOUNT_SID: 'AC1' }, /both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/],
    [{ TWILIO_API_KEY_SID: 'SK1' }, /all of TWILIO_API_KEY_SID/],
    [
      { TWILIO_API_KEY_SID: 'SK1', TWILIO_API_KEY_SECRET: 's', TWILIO_TWIML_APP_SID: 'AP1' },
      /need TWILIO_ACCOUNT_SID/,
    ],
    [{ PORT: 'eighty' }, /PORT/],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL must be a URL/],
  ])('refuses %j with a message saying what to set', (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});
