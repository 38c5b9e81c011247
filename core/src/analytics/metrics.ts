/** The facts of one finished call the dashboard counts. */
export interface CallFact {
  direction: 'inbound' | 'outbound';
  result: 'answered' | 'missed' | 'voicemail' | 'abandoned' | 'busy' | 'failed' | 'after_hours';
  /** Who took (inbound) or placed (outbound) it; null for calls nobody took. */
  memberId: string | null;
  /** Members it rang (inbound), for per-member missed counts. */
  rungMemberIds: readonly string[];
  startedAt: Date;
  talkSeconds: number;
  /** Seconds it rang before being answered (inbound answered calls). */
  ringSeconds: number | null;
}

export interface Totals {
  calls: number;
  inbound: number;
  outbound: number;
  answered: number;
  /** Inbound calls nobody answered while the team was open: missed, abandoned, voicemail. */
  missed: number;
  afterHours: number;
  /** Answered inbound ÷ inbound that reached the team in hours; null when none did. */
  answerRate: number | null;
  /** Mean talk time of connected calls, seconds; null when none connected. */
  averageTalkSeconds: number | null;
  /** Mean seconds an answered inbound call rang first; null when none. */
  averageResponseSeconds: number | null;
}

export interface Dashboard {
  team: Totals;
  members: Record<string, Totals>;
  /** Calls per local day (YYYY-MM-DD in the account's time zone), every day of the range present. */
  byDay: { day: string; inbound: number; outbound: number; missed: number }[];
  /** Calls per local hour of day (0–23), over the whole range. */
  byHour: { hour: number; inbound: number; outbound: number; missed: number }[];
}

const MISSED = new Set<CallFact['result']>(['missed', 'abandoned', 'voicemail']);

function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

function totals(facts: readonly CallFact[], isMissed: (fact: CallFact) => boolean): Totals {
  const inbound = facts.filter((fact) => fact.direction === 'inbound');
  const answeredInbound = inbound.filter((fact) => fact.result === 'answered');
  const inHours = inbound.filter((fact) => fact.result !== 'after_hours');
  const connected = facts.filter((fact) => fact.result === 'answered');
  return {
    calls: facts.length,
    inbound: inbound.length,
    outbound: facts.length - inbound.length,
    answered: connected.length,
    missed: facts.filter(isMissed).length,
    afterHours: inbound.length - inHours.length,
    answerRate: inHours.length ? answeredInbound.length / inHours.length : null,
    averageTalkSeconds: mean(connected.map((fact) => fact.talkSeconds)),
    averageResponseSeconds: mean(
      answeredInbound.flatMap((fact) => (fact.ringSeconds === null ? [] : [fact.ringSeconds])),
    ),
  };
}

/** Local date and hour of an instant in a time zone, by the platform's time-zone data. */
function localParts(at: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** Every local day from `from` to `to` (inclusive), so a quiet day shows as zero, not as a gap. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let at = new Date(`${from}T12:00:00Z`);
    at <= new Date(`${to}T12:00:00Z`);
    at.setUTCDate(at.getUTCDate() + 1)
  ) {
    days.push(at.toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Pure: the dashboard of a set of calls. A member's figures count the calls they took or placed,
 * and as missed the inbound calls that rang them and were not answered by anyone.
 */
export function dashboard(
  allFacts: readonly CallFact[],
  range: { from: string; to: string; timeZone: string },
): Dashboard {
  const byDay = new Map(
    daysBetween(range.from, range.to).map((day) => [day, { day, inbound: 0, outbound: 0, missed: 0 }]),
  );
  // The store is asked for a padded UTC window; the range is local days, decided here.
  const placed = allFacts.map((fact) => ({ fact, ...localParts(fact.startedAt, range.timeZone) }));
  const inRange = placed.filter((entry) => byDay.has(entry.day));
  const facts = inRange.map((entry) => entry.fact);
  const memberIds = new Set<string>();
  for (const fact of facts) {
    if (fact.memberId) memberIds.add(fact.memberId);
    for (const id of fact.rungMemberIds) memberIds.add(id);
  }
  const isMissed = (fact: CallFact) => fact.direction === 'inbound' && MISSED.has(fact.result);
  const members: Record<string, Totals> = {};
  for (const id of memberIds) {
    const own = facts.filter((fact) => fact.memberId === id);
    const missedForThem = facts.filter((fact) => isMissed(fact) && fact.rungMemberIds.includes(id));
    const mine = totals(own, isMissed);
    const answeredInbound = own.filter(
      (fact) => fact.direction === 'inbound' && fact.result === 'answered',
    ).length;
    // A member's answer rate is over the calls that rang them: those they took and those nobody took.
    const reached = answeredInbound + missedForThem.length;
    members[id] = {
      ...mine,
      missed: missedForThem.length,
      answerRate: reached ? answeredInbound / reached : null,
    };
  }
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, inbound: 0, outbound: 0, missed: 0 }));
  for (const { fact, day, hour } of inRange) {
    for (const bucket of [byDay.get(day), byHour[hour]]) {
      if (!bucket) continue;
      bucket[fact.direction]++;
      if (isMissed(fact)) bucket.missed++;
    }
  }
  return { team: totals(facts, isMissed), members, byDay: [...byDay.values()], byHour };
}
