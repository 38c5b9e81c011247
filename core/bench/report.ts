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
