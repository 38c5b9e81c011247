import fc from 'fast-check';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { CarrierError } from '../../errors.ts';
import type { FormParams } from './form.ts';
import { computeTwilioSignature, publicWebhookUrl, verifyTwilioSignature } from './signature.ts';

// twilio-node's spec/validation.spec.js, the example in Twilio's security docs.
const TOKEN = '12345';
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const SIGNATURE = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

function twilioAccepts(authToken: string, signature: string, url: string, params: FormParams): boolean {
  return twilio.validateRequest(authToken, signature, url, params);
}

describe('computeTwilioSignature', () => {
  it('reproduces the documented test vector', () => {
    expect(computeTwilioSignature(TOKEN, URL, PARAMS)).toBe(SIGNATURE);
  });

  it('does not depend on the order the params arrived in', () => {
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(computeTwilioSignature(TOKEN, URL, reversed)).toBe(SIGNATURE);
  });

  it('signs array values deduplicated and sorted, as twilio does', () => {
    const params = { StatusCallbackEvent: ['ringing', 'answered', 'ringing'], To: '+18005551212' };
    const signature = computeTwilioSignature(TOKEN, URL, params);
    expect(signature).toBe(
      computeTwilioSignature(TOKEN, URL, {
        StatusCallbackEvent: ['answered', 'ringing'],
        To: '+18005551212',
      }),
    );
    expect(signature).toBe(twilio.getExpectedTwilioSignature(TOKEN, URL, params));
    expect(twilioAccepts(TOKEN, signature, URL, params)).toBe(true);
  });

  it('agrees with twilio on any URL, params and token', () => {
    const params = fc.dictionary(
      fc.string({ minLength: 1 }),
      fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 4 })),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.webUrl({ withQueryParameters: true }),
        params,
        (token, url, p) => {
          expect(computeTwilioSignature(token, url, p)).toBe(
            twilio.getExpectedTwilioSignature(token, url, p),
          );
        },
      ),
    );
  });
});

describe('verifyTwilioSignature', () => {
  it('accepts the documented test vector, as twilio does', () => {
    expect(verifyTwilioSignature({ authToken: TOKEN, url: URL, params: PARAMS, signature: SIGNATURE })).toBe(
      true,
    );
    expect(twilioAccepts(TOKEN, SIGNATURE, URL, PARAMS)).toBe(true);
  });

  it('refuses a missing or empty signature and an empty auth token', () => {
    expect(verifyTwilioSignature({ authToken: TOKEN, url: URL, params: PARAMS, signature: undefined })).toBe(
      false,
    );
    expect(verifyTwilioSignature({ authToken: TOKEN, url: URL, params: PARAMS, signature: '' })).toBe(false);
    const signedWithEmpty = computeTwilioSignature('', URL, PARAMS);
    expect(
      verifyTwilioSignature({ authToken: '', url: URL, params: PARAMS, signature: signedWithEmpty }),
    ).toBe(false);
  });

  it('refuses a signature of another length without throwing', () => {
    expect(
      verifyTwilioSignature({ authToken: TOKEN, url: URL, params: PARAMS, signature: `${SIGNATURE}=` }),
    ).toBe(false);
    expect(verifyTwilioSignature({ authToken: TOKEN, url: URL, params: PARAMS, signature: 'é' })).toBe(false);
  });

  it('refuses a signature made for a GET (params in the URL) when the params come as a body', () => {
    const getUrl = `${URL}&Digits=1234`;
    const signature = computeTwilioSignature(TOKEN, getUrl, {});
    expect(verifyTwilioSignature({ authToken: TOKEN, url: getUrl, params: {}, signature })).toBe(true);
    expect(verifyTwilioSignature({ authToken: TOKEN, url: URL, params: { Digits: '1234' }, signature })).toBe(
      false,
    );
  });

  describe('default ports, which twilio also accepts', () => {
    const cases = [
      { signed: 'https://mycompany.com:443/myapp.php?foo=1&bar=2', received: URL },
      { signed: URL, received: 'https://mycompany.com:443/myapp.php?foo=1&bar=2' },
      { signed: 'http://mycompany.com:80/voice', received: 'http://mycompany.com/voice' },
      { signed: 'http://mycompany.com/voice', received: 'http://mycompany.com:80/voice' },
      {
        signed: 'https://user:pass@mycompany.com:443/voice',
        received: 'https://user:pass@mycompany.com/voice',
      },
      { signed: 'https://[2001:db8::1]/voice', received: 'https://[2001:db8::1]:443/voice' },
    ];
    for (const { signed, received } of cases) {
      it(`accepts a signature over ${signed} for a request to ${received}`, () => {
        const signature = computeTwilioSignature(TOKEN, signed, PARAMS);
        expect(verifyTwilioSignature({ authToken: TOKEN, url: received, params: PARAMS, signature })).toBe(
          true,
        );
        expect(twilioAccepts(TOKEN, signature, received, PARAMS)).toBe(true);
      });
    }

    it('refuses a port that is not the default of the scheme', () => {
      const pairs = [
        ['https://mycompany.com:80/voice', 'https://mycompany.com/voice'],
        ['http://mycompany.com:443/voice', 'http://mycompany.com/voice'],
        ['https://mycompany.com/voice', 'https://mycompany.com:8443/voice'],
      ] as const;
      for (const [signed, received] of pairs) {
        const signature = computeTwilioSignature(TOKEN, signed, PARAMS);
        expect(
          verifyTwilioSignature({ authToken: TOKEN, url: received, params: PARAMS, signature }),
          signed,
        ).toBe(false);
      }
    });
  });

  it('refuses a signature over an http URL for an https request (TLS ended at a proxy)', () => {
    const signature = computeTwilioSignature(TOKEN, 'http://mycompany.com/voice', PARAMS);
    expect(
      verifyTwilioSignature({
        authToken: TOKEN,
        url: 'https://mycompany.com/voice',
        params: PARAMS,
        signature,
      }),
    ).toBe(false);
  });

  it('refuses a reordered query string', () => {
    const signature = computeTwilioSignature(TOKEN, URL, PARAMS);
    const reordered = 'https://mycompany.com/myapp.php?bar=2&foo=1';
    expect(verifyTwilioSignature({ authToken: TOKEN, url: reordered, params: PARAMS, signature })).toBe(
      false,
    );
  });

  describe('properties', () => {
    const token = fc.stringMatching(/^[0-9a-f]{32}$/);
    const url = fc.webUrl({ withQueryParameters: true });
    const params = fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/), fc.string(), {
      minKeys: 1,
    });
    const position = fc.nat();
    const replacement = fc.string({ minLength: 1, maxLength: 1 });

    /** The string with one character replaced by a different one. */
    function mutate(text: string, index: number, char: string): string {
      const i = index % text.length;
      const other = char === text[i] ? (char === 'x' ? 'y' : 'x') : char;
      return text.slice(0, i) + other + text.slice(i + 1);
    }

    it('verifies what it signed, and twilio agrees', () => {
      fc.assert(
        fc.property(
          token,
          url,
          fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(fc.string(), fc.array(fc.string()))),
          (t, u, p) => {
            const signature = computeTwilioSignature(t, u, p);
            expect(verifyTwilioSignature({ authToken: t, url: u, params: p, signature })).toBe(true);
            expect(twilioAccepts(t, signature, u, p)).toBe(true);
          },
        ),
      );
    });

    it('refuses the signature once one character of the URL changes', () => {
      fc.assert(
        fc.property(token, url, params, position, replacement, (t, u, p, i, c) => {
          const signature = computeTwilioSignature(t, u, p);
          expect(verifyTwilioSignature({ authToken: t, url: mutate(u, i, c), params: p, signature })).toBe(
            false,
          );
        }),
      );
    });

    it('refuses the signature once one character of the token changes', () => {
      fc.assert(
        fc.property(token, url, params, position, fc.constantFrom(...'0123456789abcdef'), (t, u, p, i, c) => {
          const signature = computeTwilioSignature(t, u, p);
          const other = mutate(t, i, c);
          expect(verifyTwilioSignature({ authToken: other, url: u, params: p, signature })).toBe(false);
          expect(twilioAccepts(other, signature, u, p)).toBe(false);
        }),
      );
    });

    it('refuses the signature once one character of a param value changes', () => {
      fc.assert(
        fc.property(token, url, params, position, position, replacement, (t, u, p, k, i, c) => {
          const keys = Object.keys(p);
          const key = keys[k % keys.length] as string;
          const value = p[key] ?? '';
          fc.pre(value.length > 0);
          const signature = computeTwilioSignature(t, u, p);
          const changed = { ...p, [key]: mutate(value, i, c) };
          expect(verifyTwilioSignature({ authToken: t, url: u, params: changed, signature })).toBe(false);
          expect(twilioAccepts(t, signature, u, changed)).toBe(false);
        }),
      );
    });

    it('refuses the signature once one character of a param name changes', () => {
      fc.assert(
        fc.property(
          token,
          url,
          params,
          position,
          position,
          fc.constantFrom(...'abcXYZ019'),
          (t, u, p, k, i, c) => {
            const keys = Object.keys(p);
            const key = keys[k % keys.length] as string;
            const renamed = mutate(key, i, c);
            fc.pre(!(renamed in p));
            const signature = computeTwilioSignature(t, u, p);
            const changed = Object.fromEntries(
              Object.entries(p).map(([name, value]) => [name === key ? renamed : name, value]),
            );
            expect(verifyTwilioSignature({ authToken: t, url: u, params: changed, signature })).toBe(false);
            expect(twilioAccepts(t, signature, u, changed)).toBe(false);
          },
        ),
      );
    });
  });
});

describe('publicWebhookUrl', () => {
  it('appends the request path to PUBLIC_URL', () => {
    expect(publicWebhookUrl('https://phone.example.com', '/webhooks/twilio/voice')).toBe(
      'https://phone.example.com/webhooks/twilio/voice',
    );
  });

  it('keeps a path prefix and drops trailing slashes of PUBLIC_URL', () => {
    expect(publicWebhookUrl('https://x.example/parley', '/webhooks/twilio/status')).toBe(
      'https://x.example/parley/webhooks/twilio/status',
    );
    expect(publicWebhookUrl('https://x.example/parley//', '/webhooks/twilio/status')).toBe(
      'https://x.example/parley/webhooks/twilio/status',
    );
    expect(publicWebhookUrl('https://x.example/', '/webhooks/twilio/status')).toBe(
      'https://x.example/webhooks/twilio/status',
    );
  });

  it('keeps the query string byte for byte: order, escapes and raw characters', () => {
    const originalUrl = "/webhooks/twilio/dial?step=2&call=c%2F1&a=1&name=O'Brien&q=a+b";
    expect(publicWebhookUrl('https://x.example/parley', originalUrl)).toBe(
      `https://x.example/parley${originalUrl}`,
    );
  });

  it('rebuilds the URL Twilio signed, so the signature verifies behind a prefixing proxy', () => {
    const signedUrl = 'https://x.example/parley/webhooks/twilio/dial?step=1&plan=p%201';
    const signature = computeTwilioSignature(TOKEN, signedUrl, PARAMS);
    const url = publicWebhookUrl('https://x.example/parley', '/webhooks/twilio/dial?step=1&plan=p%201');
    expect(verifyTwilioSignature({ authToken: TOKEN, url, params: PARAMS, signature })).toBe(true);
    const withoutPrefix = publicWebhookUrl('https://x.example', '/webhooks/twilio/dial?step=1&plan=p%201');
    expect(verifyTwilioSignature({ authToken: TOKEN, url: withoutPrefix, params: PARAMS, signature })).toBe(
      false,
    );
  });

  it('refuses a PUBLIC_URL that is not a bare http(s) base', () => {
    for (const bad of [
      'x.example',
      'ftp://x.example',
      'https://x.example/?a=1',
      'https://x.example/#top',
      'https:///p',
    ]) {
      expect(() => publicWebhookUrl(bad, '/webhooks/twilio/voice'), bad).toThrow(CarrierError);
    }
  });

  it('refuses a request path that does not start with /', () => {
    expect(() => publicWebhookUrl('https://x.example', 'webhooks/twilio/voice')).toThrow(
      /must start with "\/"/,
    );
  });
});
