import type { Budget } from './crm-stats.ts';
import type { CrmRun, CrmSyncBenchResult } from './crm-sync.bench.ts';
import type { LoadRun } from './load.ts';
import type { Summary } from './stats.ts';
import type { ScenarioRun, Side, SideRun, TargetCheck, WebhookBenchResult } from './webhook.bench.ts';

const ms = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(value < 10 ? 2 : 1));
const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

function loadRow(label: string, side: Side, run: LoadRun, server: Summary | null): string {
  const cells = [
    pad(label, 26),
    pad(side, 5),
    padLeft(run.throughput.toFixed(0), 7),
    padLeft(ms(run.latency?.p50), 8),
    padLeft(ms(run.latency?.p99), 8),
    padLeft(ms(server?.p50), 8),
    padLeft(ms(server?.p99), 8),
    padLeft(`${run.ok}/${run.sent}`, 13),
    padLeft(String(run.failed + run.errors), 6),
  ];
  return `  ${cells.join(' ')}`.trimEnd();
}

function scenarioRows(label: string, scenario: Pick<ScenarioRun, 'order' | 'bare' | 'real'>): string[] {
  return scenario.order.map((side, i) => {
    const run: SideRun = scenario[side];
    return loadRow(i === 0 ? label : '', side, run.load, run.server);
  });
}

function targetRow(target: TargetCheck): string {
  const value = target.value === null ? '—' : target.value.toFixed(2);
  return `  ${pad(target.name, 44)} ${padLeft(value, 6)}  ${target.comparison} ${pad(String(target.limit), 4)} ${target.met ? 'PASS' : 'MISS'}`;
}

function errorLines(result: WebhookBenchResult): string[] {
  const runs = [
    ['one at a time', result.probe],
    ['saturation', result.saturation],
    ['fixed rate', result.fixedRate],
  ] as const;
  return runs.flatMap(([label, scenario]) =>
    (['bare', 'real'] as const)
      .filter((side) => scenario[side].load.errors > 0)
      .map((side) => {
        const kinds = Object.entries(scenario[side].load.errorKinds).map(([kind, n]) => `${n} × ${kind}`);
        return `  ${label}, ${side}: ${kinds.join(', ')}`;
      }),
  );
}

/** The webhook bench as a person reads it: what ran, the numbers, the ratios against targets. */
export function webhookReport(result: WebhookBenchResult): string[] {
  const { plan } = result;
  const header = [
    pad('', 26),
    pad('', 5),
    padLeft('req/s', 7),
    padLeft('p50 ms', 8),
    padLeft('p99 ms', 8),
    padLeft('srv p50', 8),
    padLeft('srv p99', 8),
    padLeft('ok/sent', 13),
    padLeft('failed', 6),
  ];
  return [
    'webhook: POST /webhooks/twilio/voice, inbound call, signed, a new CallSid per request',
    '  real: Parley as `npm start` builds it (buildServices + createApp): PGlite in a temp data dir,',
    '        in-process bus, simulator carrier, logs at info formatted then discarded;',
    `        ${plan.members} members, ${plan.online} online, simultaneous policy, open 24/7, caller is a known contact`,
    '  bare: express.urlencoded + a handler answering the same TwiML bytes as a constant',
    '  both servers in one worker thread; autocannon on the main thread (separate event loops)',
    "  p50/p99: latency autocannon saw (client side); srv p50/p99: inside the server, from Node's request",
    "  event to the response's finish (time spent waiting for a busy event loop before that is not in it)",
    `  saturation: ${plan.saturation.connections} connections for ${plan.saturation.seconds} s, order bare then real`,
    `  fixed rate: ${plan.fixedRate.rate} req/s for ${plan.fixedRate.seconds} s (${plan.fixedRate.rate * plan.fixedRate.seconds} requests), evenly spaced: ${plan.fixedRate.rate} single-connection`,
    `              runs at 1 req/s, staggered; a server that falls behind is sent fewer; order real then bare`,
    '',
    `  ${header.join(' ')}`.trimEnd(),
    ...scenarioRows('one at a time (1 conn)', { order: ['bare', 'real'], ...result.probe }),
    ...scenarioRows(`saturation (${plan.saturation.connections} conns)`, result.saturation),
    ...scenarioRows(`fixed rate (${plan.fixedRate.rate} req/s)`, result.fixedRate),
    ...errorLines(result),
    '',
    '  targets',
    ...result.targets.map(targetRow),
    '',
    `  calls opened by the real server: ${result.callsOpened}; errors logged: ${result.logErrors.count}`,
    ...(result.logErrors.first ? [`  first error: ${result.logErrors.first}`] : []),
    '  a MISS is reported, not fatal: the machine is shared and noisy, and this is a measurement, not a test.',
  ];
}

const seconds = (value: number) => `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
const mark = (met: boolean) => (met ? 'PASS' : 'MISS');
const perSecondBudget = (budget: Budget) => `${budget.requests}/${seconds(budget.perMs)}`;

function crmRows(run: CrmRun, plan: CrmSyncBenchResult['plan']): string[] {
  const { lag, bulk, sustained, exactlyOnce } = run;
  const { p95 } = lag;
  const lagLine =
    lag.summary && p95 !== null
      ? `p50 ${seconds(lag.summary.p50)}, p95 ${seconds(p95)} (max ${seconds(lag.summary.max)}, n ${lag.summary.count}${lag.missing ? `, ${lag.missing} never arrived` : ''})`
      : `no call arrived (${lag.missing} sent)`;
  const rpc = bulk.requestsPerCall === null ? '—' : bulk.requestsPerCall.toFixed(4);
  const once =
    exactlyOnce.records === exactlyOnce.calls &&
    exactlyOnce.distinct === exactlyOnce.calls &&
    exactlyOnce.sustainedDuplicates === 0;
  return [
    `  ${run.kind}`,
    `    lag, hang-up → on the CRM record: ${lagLine}`,
    `      first call after connecting (connector setup included): ${lag.firstCallMs === null ? 'never arrived' : seconds(lag.firstCallMs)}`,
    `      p95 / 2 s aim ${p95 === null ? '—' : (p95 / plan.aims.lagP95Ms).toFixed(2)} ${mark(p95 !== null && p95 < plan.aims.lagP95Ms && lag.missing === 0)};` +
      ` p95 / 30 s peer ${p95 === null ? '—' : (p95 / plan.aims.peerLagMs).toFixed(3)}`,
    `    bulk, ${bulk.calls} calls waiting: ${bulk.requests} requests, ${rpc} per call; ideal ${bulk.idealRequestsPerCall.toFixed(4)}` +
      ` (ratio ${bulk.requestsPerCall === null ? '—' : (bulk.requestsPerCall / bulk.idealRequestsPerCall).toFixed(2)});` +
      ` ${bulk.callsPerSecond.toFixed(0)} calls/s with no limit`,
    `    sustained, limit ${perSecondBudget(sustained.budget)} on both sides (real ${perSecondBudget(sustained.realBudget)}), ${sustained.backlog} waiting, ${seconds(sustained.seconds * 1000)}:`,
    `      ${sustained.acceptedPerSecond.toFixed(2)} req/s = ${sustained.fractionOfBound.toFixed(3)} of the bound (aim ≥ ${plan.aims.fractionOfBound}) ${mark(sustained.fractionOfBound >= plan.aims.fractionOfBound)};` +
      ` 429s ${(sustained.rateLimitedShare * 100).toFixed(2)} % of ${sustained.requests} (aim ≤ 1 %) ${mark(sustained.rateLimitedShare <= plan.aims.rateLimitedShare)};` +
      ` ${sustained.loggedPerSecond.toFixed(1)} calls/s logged`,
    `    exactly once: ${exactlyOnce.records} records for ${exactlyOnce.calls} calls (${exactlyOnce.distinct} distinct), ${exactlyOnce.sustainedDuplicates} duplicates under load ${mark(once)}` +
      (run.specViolations ? `; ${run.specViolations} spec violations` : ''),
  ];
}

/** The CRM sync bench as a person reads it: per CRM, the numbers beside the issue's aims. */
export function crmSyncReport(result: CrmSyncBenchResult): string[] {
  const { plan } = result;
  return [
    'crm sync: a real sync worker (default pauses) against each CRM emulator, in one process with Parley',
    `  lag: ${plan.lag.calls} calls end one by one (mean gap ${plan.lag.meanGapMs} ms), emulator at ${plan.latencyMs} ms a request, the CRM's real limit;`,
    '       from the commit of the final call + outbox row to the record appearing in the emulator (polled every 5 ms)',
    '  bulk: calls waiting at once, no limit on either side, so every request counted is one the sync chose to send',
    "  sustained: a backlog larger than the limit lets through, the limit enforced by the emulator (429) and the connector's",
    '       own budget; accepted requests ÷ the most the limit allows over whole windows from the first request',
    '',
    ...result.crms.flatMap((run) => crmRows(run, plan)),
    '',
    '  a MISS is reported, not fatal: CPU is shared by Parley, its store and the emulators on this machine.',
  ];
}
