import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CarrierError } from '../../errors.ts';
import { isTwilioIdentity, memberIdentity, parseClientIdentity } from './identity.ts';

const MEMBER = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('memberIdentity', () => {
  it('is m_ followed by the uuid without dashes', () => {
    expect(memberIdentity(MEMBER)).toBe('m_0f8fad5bd9cb469fa16570867728950e');
  });

  it('lower-cases an upper-case uuid so one member has one identity', () => {
    expect(memberIdentity(MEMBER.toUpperCase())).toBe(memberIdentity(MEMBER));
  });

  it('refuses a member id that is not a uuid', () => {
    expect(() => memberIdentity('alice@example.com')).toThrow(CarrierError);
    expect(() => memberIdentity(`${MEMBER}0`)).toThrow(/not a uuid/);
  });

  it('always yields a valid Twilio identity that parses back to the member', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const identity = memberIdentity(id);
        expect(isTwilioIdentity(identity)).toBe(true);
        expect(parseClientIdentity(`client:${identity}`)).toBe(id.toLowerCase());
      }),
    );
  });
});

describe('parseClientIdentity', () => {
  it('returns the member uuid of a browser dialer leg', () => {
    expect(parseClientIdentity('client:m_0f8fad5bd9cb469fa16570867728950e')).toBe(MEMBER);
  });

  it('returns null for phone numbers, other clients and near misses', () => {
    for (const from of [
      '+14155550100',
      'client:support_agent',
      'm_0f8fad5bd9cb469fa16570867728950e',
      'client:m_0f8fad5bd9cb469fa16570867728950',
      'client:m_0f8fad5bd9cb469fa16570867728950e0',
      'client:m_0F8FAD5BD9CB469FA16570867728950E',
      'client:m_0f8fad5b-d9cb-469f-a165-70867728950e',
      'sip:m_0f8fad5bd9cb469fa16570867728950e@example.com',
      '',
    ]) {
      expect(parseClientIdentity(from), from).toBeNull();
    }
  });
});

describe('isTwilioIdentity', () => {
  it('accepts letters, digits and underscore up to 256 characters', () => {
    expect(isTwilioIdentity('rep_Alice_42')).toBe(true);
    expect(isTwilioIdentity('a'.repeat(256))).toBe(true);
  });

  it('refuses empty, too long, and any other character', () => {
    for (const bad of ['', 'a'.repeat(257), 'alice@example.com', 'rep alice', 'rep-alice', 'client:x', 'é']) {
      expect(isTwilioIdentity(bad), bad).toBe(false);
    }
  });
});
