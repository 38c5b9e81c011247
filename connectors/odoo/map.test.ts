import { describe, expect, it } from 'vitest';
import { callLog, e164 } from '../core/conformance/fixtures.ts';
import { allOf, anyOf, leaf } from './domain.ts';
import {
  callChatterBody,
  callVals,
  decodeCursor,
  encodeCursor,
  hasModernRoutes,
  odooDatetime,
  PartnerRowSchema,
  parleyIdOf,
  partnerHasNumber,
  partnerToPerson,
  phoneSearchDigits,
  rankPartners,
  recordUrl,
  separatorTolerantPattern,
} from './map.ts';

/** A `search_read` row of res.partner as Odoo 17 answers it (false for empty values, many2one as a pair). */
const aliceRow = PartnerRowSchema.parse({
  id: 12,
  name: 'Alice Martin',
  email: 'alice@acme.example',
  phone: '+33 6 12 34 56 78',
  mobile: '06.12.34.56.78',
  is_company: false,
  parent_id: [11, 'Acme SAS'],
  active: true,
  write_date: '2026-11-02 09:15:07',
  ref: 'parley:contact_1',
});

describe('partnerToPerson', () => {
  it('maps an Odoo partner to a Parley person, numbers in E.164 once each', () => {
    expect(partnerToPerson(aliceRow, 'FR', 'https://acme.odoo.com/web#id=12')).toEqual({
      ref: { crm: 'odoo', objectType: 'res.partner', id: '12', url: 'https://acme.odoo.com/web#id=12' },
      kind: 'contact',
      name: 'Alice Martin',
      company: 'Acme SAS',
      emails: ['alice@acme.example'],
      phones: ['+33612345678'],
      updatedAt: new Date('2026-11-02T09:15:07Z'),
      archived: false,
      parleyId: 'contact_1',
    });
  });

  it('an archived partner with empty fields maps to archived with nothing made up', () => {
    const person = partnerToPerson(
      { ...aliceRow, email: false, phone: false, mobile: false, parent_id: false, active: false, ref: false },
      'FR',
      'https://x.example',
    );
    expect(person).toMatchObject({ emails: [], phones: [], company: null, archived: true });
    expect(person.parleyId).toBeUndefined();
  });
});

describe('phone search', () => {
  it.each([
    ['+33612345678', '612345678'],
    ['+14155552671', '155552671'],
    ['+442071838750', '071838750'],
  ])('searches %s by the last national digits %s', (number, digits) => {
    expect(phoneSearchDigits(e164(number))).toBe(digits);
  });

  it('the fallback pattern allows any separator between digits', () => {
    expect(separatorTolerantPattern('612')).toBe('%6%1%2');
  });

  it.each([
    ['+33 6 12 34 56 78', true],
    ['06 12 34 56 78', true],
    ['0033612345678', true],
    ['+33 6 12 34 56 79', false],
    ['+44 612345678', false],
  ])('a partner whose phone is %s matches +33612345678: %s', (phone, expected) => {
    expect(partnerHasNumber({ ...aliceRow, phone, mobile: false }, e164('+33612345678'), 'FR')).toBe(
      expected,
    );
  });

  it('ranks people before companies', () => {
    const company = { ...aliceRow, id: 3, is_company: true };
    expect(rankPartners([company, aliceRow]).map((row) => row.id)).toEqual([12, 3]);
  });
});

describe('call values', () => {
  const call = callLog({
    contact: { crm: 'odoo', objectType: 'res.partner', id: '12' },
    ownerId: '2',
    outcome: 'callback',
    notes: 'Wants a quote',
  });

  it('writes datetimes as Odoo reads them, not ISO', () => {
    expect(odooDatetime(new Date('2026-11-02T09:15:00.123Z'))).toBe('2026-11-02 09:15:00');
    expect(callVals(call)).toMatchObject({
      call_id: call.id,
      partner_id: 12,
      user_id: 2,
      started_at: '2026-11-02 09:15:00',
      duration: 42,
      outcome: 'callback',
      notes: 'Wants a quote',
      summary: false,
      to_number: call.to,
      disposition: false,
    });
  });

  it('the chatter body carries the call id marker', () => {
    expect(callChatterBody(call)).toContain(`[parley:call:${call.id}]`);
  });
});

describe('parley id in the partner Reference', () => {
  it.each([
    ['parley:contact_1', 'contact_1'],
    ['CUST-0042', undefined],
    [false, undefined],
    ['parley:', undefined],
  ] as const)('%s gives %s', (ref, expected) => {
    expect(parleyIdOf(ref)).toBe(expected);
  });
});

describe('cursor', () => {
  it('round-trips, and refuses anything else', () => {
    const at = { second: '2026-11-02 09:15:07', count: 3, tail: [4, 9, 2] };
    expect(decodeCursor(encodeCursor(at))).toEqual(at);
    expect(decodeCursor(encodeCursor({ ...at, tail: [] }))).toEqual({ ...at, tail: [] });
    expect(decodeCursor('2026-11-02T09:15:07Z')).toBeNull();
  });
});

describe('domains', () => {
  it('anyOf and allOf nest whole domains in prefix notation', () => {
    const a = [leaf('a', '=', 1), leaf('b', '=', 2)];
    const c = [leaf('c', '=', 3)];
    expect(anyOf(a, c)).toEqual(['|', '&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]);
    expect(allOf(c, [])).toEqual([['c', '=', 3]]);
  });
});

describe('recordUrl', () => {
  it.each([
    [[17, 0, 0, 'final', 0, ''], false],
    [['saas~17', 2, 0, 'final', 0, ''], true],
    [[18, 0, 0, 'final', 0, ''], true],
  ] as const)('version %j has /odoo routes: %s', (info, expected) => {
    expect(hasModernRoutes(info)).toBe(expected);
  });

  it('uses /odoo/<model>/<id> on 17.2+ and the hash route before', () => {
    expect(recordUrl('https://a.odoo.com', 'res.partner', '12', true)).toBe(
      'https://a.odoo.com/odoo/res.partner/12',
    );
    expect(recordUrl('https://a.odoo.com', 'res.partner', '12', false)).toBe(
      'https://a.odoo.com/web#id=12&model=res.partner&view_type=form',
    );
  });
});
