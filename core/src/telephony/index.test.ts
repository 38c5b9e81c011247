import { describe, expect, it } from 'vitest';
import { createCarrier } from './index.ts';

describe('createCarrier', () => {
  it('uses Twilio when credentials are given and the simulator otherwise', () => {
    expect(createCarrier(null).kind).toBe('simulator');
    expect(createCarrier({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'token' }).kind).toBe('twilio');
  });
});
