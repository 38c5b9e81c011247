import { describe, expect, it } from 'vitest';
import { CallEventSchema, parseCallEvent } from './events.ts';

const MEMBER = '11111111-1111-4111-8111-111111111111';

function issueMessages(input: unknown): string {
  const result = CallEventSchema.safeParse(input);
  return result.success ? '' : result.error.issues.map((issue) => issue.message).join(' | ');
}

describe('parseCallEvent', () => {
  it('reads the ISO timestamps of a stored event back as dates', () => {
    const event = parseCallEvent({
      type: 'call.status',
      sid: 'CA1',
      status: 'ringing',
      sequence: 1,
      at: '2026-03-02T09:00:00.250Z',
    });
    expect(event.at).toEqual(new Date('2026-03-02T09:00:00.250Z'));
  });

  it('round-trips every event through JSON unchanged', () => {
    const event = parseCallEvent({
      type: 'call.created',
      sid: 'CA1',
      direction: 'inbound',
      from: '+33612345678',
      to: '+33198765432',
      numberE164: '+33198765432',
      at: new Date('2026-03-02T09:00:00.400Z'),
    });
    expect(parseCallEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it.each([
    [
      'an unknown status',
      { type: 'call.status', sid: 'CA1', status: 'initiated', at: '2026-03-02T09:00:00Z' },
      'initiated',
    ],
    [
      'a negative sequence number',
      { type: 'call.status', sid: 'CA1', status: 'ringing', sequence: -1, at: '2026-03-02T09:00:00Z' },
      'sequence number cannot be negative',
    ],
    ['a time without offset', { type: 'call.after_hours', at: '2026-03-02 09:00' }, 'ISO 8601'],
    [
      'a member id that is not a UUID',
      { type: 'call.answered_by', memberId: 'alice', legSid: 'CA2', at: '2026-03-02T09:00:00Z' },
      'member id must be',
    ],
    ['an empty annotation', { type: 'call.annotated', at: '2026-03-02T09:00:00Z' }, 'needs notes'],
    [
      'an account number not in E.164',
      {
        type: 'call.created',
        sid: 'CA1',
        direction: 'inbound',
        from: 'x',
        to: 'y',
        numberE164: '01 98 76 54 32',
        at: '2026-03-02T09:00:00Z',
      },
      'E.164',
    ],
  ])('refuses %s with a message saying what to fix', (_, input, expected) => {
    expect(issueMessages(input)).toContain(expected);
  });

  it('accepts a claim by a member id', () => {
    const claim = { type: 'call.answered_by', memberId: MEMBER, legSid: 'CA2', at: '2026-03-02T09:00:00Z' };
    expect(parseCallEvent(claim)).toMatchObject({ memberId: MEMBER, legSid: 'CA2' });
  });
});
