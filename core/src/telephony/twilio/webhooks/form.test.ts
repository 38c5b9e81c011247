import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formBody, parseForm } from './form.ts';

describe('formBody', () => {
  it('encodes like a browser form: spaces as +, reserved characters percent-encoded', () => {
    expect(formBody({ From: '+14158675309', SpeechResult: 'sales please', Note: 'a&b=c' })).toBe(
      'From=%2B14158675309&SpeechResult=sales+please&Note=a%26b%3Dc',
    );
  });

  it('repeats a key once per value of an array', () => {
    expect(formBody({ StatusCallbackEvent: ['ringing', 'answered'] })).toBe(
      'StatusCallbackEvent=ringing&StatusCallbackEvent=answered',
    );
  });
});

describe('parseForm', () => {
  it('decodes + and percent escapes', () => {
    expect(parseForm('From=%2B33612345678&SpeechResult=je+voudrais+le+support')).toEqual({
      From: '+33612345678',
      SpeechResult: 'je voudrais le support',
    });
  });

  it('keeps the order keys arrived in', () => {
    expect(Object.keys(parseForm('To=1&AccountSid=2&CallSid=3&From=4'))).toEqual([
      'To',
      'AccountSid',
      'CallSid',
      'From',
    ]);
  });

  it('turns a repeated key into an array in arrival order', () => {
    expect(parseForm('a=2&b=x&a=1&a=2')).toEqual({ a: ['2', '1', '2'], b: 'x' });
  });

  it('keeps empty values, which Twilio sends for unknown geo fields', () => {
    expect(parseForm('FromCity=&CallerName=')).toEqual({ FromCity: '', CallerName: '' });
  });

  it('treats a __proto__ key as data, not as the prototype', () => {
    const parsed = parseForm('__proto__=x&polluted=no');
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('reads back whatever formBody wrote', () => {
    const key = fc.string({ minLength: 1 }).filter((k) => !/^\d+$/.test(k) && k !== '__proto__');
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.oneof(fc.string(), fc.array(fc.string(), { minLength: 2, maxLength: 4 }))),
        (params) => {
          expect(parseForm(formBody(params))).toEqual(params);
        },
      ),
    );
  });
});
