import { describe, expect, it } from 'vitest';
import { type CallFact, dashboard, daysBetween } from './metrics.ts';

const LEA = 'lea';
const MAX = 'max';

const fact = (overrides: Partial<CallFact>): CallFact => ({
  direction: 'inbound',
  result: 'answered',
  memberId: LEA,
  rungMemberIds: [LEA],
  startedAt: new Date('2026-03-10T09:00:00Z'),
  talkSeconds: 60,
  ringSeconds: 4,
  ...overrides,
});

const range = { from: '2026-03-09', to: '2026-03-11', timeZone: 'Europe/Paris' };

describe('dashboard figures', () => {
  it('counts calls, answer rate, mean talk and response time for the team', () => {
    const result = dashboard(
      [
        fact({}),
        fact({ talkSeconds: 120, ringSeconds: 8, memberId: MAX, rungMemberIds: [LEA, MAX] }),
        fact({ result: 'missed', memberId: null, talkSeconds: 0, ringSeconds: null }),
        fact({ result: 'after_hours', memberId: null, rungMemberIds: [], talkSeconds: 0, ringSeconds: null }),
        fact({ direction: 'outbound', rungMemberIds: [], talkSeconds: 30, ringSeconds: null }),
      ],
      range,
    );
    expect(result.team).toEqual({
      calls: 5,
      inbound: 4,
      outbound: 1,
      answered: 3,
      missed: 1,
      afterHours: 1,
      answerRate: 2 / 3,
      averageTalkSeconds: 70,
      averageResponseSeconds: 6,
    });
  });

  it('gives each member their own calls, and as missed the unanswered calls that rang them', () => {
    const result = dashboard(
      [
        fact({}),
        fact({
          result: 'missed',
          memberId: null,
          rungMemberIds: [LEA, MAX],
          talkSeconds: 0,
          ringSeconds: null,
        }),
      ],
      range,
    );
    expect(result.members[LEA]).toMatchObject({ calls: 1, answered: 1, missed: 1, answerRate: 0.5 });
    expect(result.members[MAX]).toMatchObject({
      calls: 0,
      answered: 0,
      missed: 1,
      answerRate: 0,
      averageTalkSeconds: null,
    });
  });

  it('says nothing rather than 0 % when no call reached the team', () => {
    expect(dashboard([], range).team).toMatchObject({
      answerRate: null,
      averageTalkSeconds: null,
      averageResponseSeconds: null,
    });
  });

  it('buckets by the account’s local day and hour, across the spring DST change', () => {
    const result = dashboard(
      [
        // 23:30 UTC on the 28th is 00:30 on the 29th in Paris (CET, UTC+1).
        fact({ startedAt: new Date('2026-03-28T23:30:00Z') }),
        // After the change (CEST, UTC+2) 08:15 UTC is 10:15.
        fact({ startedAt: new Date('2026-03-29T08:15:00Z'), result: 'missed', memberId: null }),
      ],
      { from: '2026-03-28', to: '2026-03-29', timeZone: 'Europe/Paris' },
    );
    expect(result.byDay).toEqual([
      { day: '2026-03-28', inbound: 0, outbound: 0, missed: 0 },
      { day: '2026-03-29', inbound: 2, outbound: 0, missed: 1 },
    ]);
    expect(result.byHour[0]).toMatchObject({ inbound: 1 });
    expect(result.byHour[10]).toMatchObject({ inbound: 1, missed: 1 });
  });

  it('leaves out calls outside the local range, whatever their UTC date', () => {
    const result = dashboard([fact({ startedAt: new Date('2026-03-11T23:30:00Z') })], range);
    expect(result.team.calls).toBe(0);
  });

  it('lists every day of the range, quiet days included', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});
