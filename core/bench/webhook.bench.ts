import { setTimeout as sleep } from 'node:timers/promises';
import { startBenchServers } from './bench-servers.ts';
import { type LoadRun, offerRate, saturate, type Target, warmUp } from './load.ts';
import { signedVoiceWebhooks, VOICE_PATH } from './signed-voice.ts';
import { ratio, type Summary, summarise } from './stats.ts';
import { CALLER, setUpBenchAccount } from './webhook-account.ts';

export const WEBHOOK_PLAN = {
  members: 4,
  online: 3,
  warmUpRequests: 500,
  probeSeconds: 2,
  saturation: { connections: 50, seconds: 10 },
  fixedRate: { rate: 500, seconds: 10 },
  targets: { saturationThroughputRatio: 0.6, fixedRateP99Ratio: 2, serverP99Ms: 2 },
} as const;

export type Side = 'bare' | 'real';

export interface SideRun {
  load: LoadRun;
  /** Handling time measured inside the server process, ms. */
  server: Summary | null;
}

export interface ScenarioRun {
  name: string;
  /** The order the two servers ran in; it alternates between scenarios. */
  order: Side[];
  bare: SideRun;
  real: SideRun;
}

export interface TargetCheck {
  name: string;
  value: number | null;
  comparison: '≥' | '≤' | '<';
  limit: number;
  met: boolean;
}

export interface WebhookBenchResult {
  plan: typeof WEBHOOK_PLAN;
  /** One request at a time on one connection: the handling time with no queueing. */
  probe: { bare: SideRun; real: SideRun };
  saturation: ScenarioRun;
  fixedRate: ScenarioRun;
  targets: TargetCheck[];
  /** Calls the real server opened over the whole bench (warm-up included). */
  callsOpened: number;
  logErrors: { count: number; first: string | null };
}

const clientsRung = (twiml: string) => twiml.split('<Client').length - 1;

function check(name: string, value: number | null, comparison: TargetCheck['comparison'], limit: number) {
  const met =
    value !== null &&
    (comparison === '≥' ? value >= limit : comparison === '≤' ? value <= limit : value < limit);
  return { name, value, comparison, limit, met };
}

/**
 * The inbound voice webhook against a bare express handler answering fixed TwiML: same process,
 * same load generator, same signed requests, each a new call.
 */
export async function webhookBench(progress: (line: string) => void): Promise<WebhookBenchResult> {
  const servers = await startBenchServers();
  let heartbeat: NodeJS.Timeout | undefined;
  try {
    const account = await setUpBenchAccount(servers.realUrl, WEBHOOK_PLAN);
    heartbeat = setInterval(() => void account.heartbeat().catch(() => undefined), 20_000);
    const next = signedVoiceWebhooks({
      publicUrl: servers.realPublicUrl,
      ...servers.credentials,
      from: CALLER,
      to: account.e164,
    });
    const request = () => {
      const { body, signature } = next();
      return {
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      };
    };

    // The bare handler answers with the very TwiML Parley gives, so both send the same bytes.
    const sample = request();
    const first = await fetch(`${servers.realUrl}${VOICE_PATH}`, { method: 'POST', ...sample });
    const twiml = await first.text();
    if (first.status !== 200 || clientsRung(twiml) !== WEBHOOK_PLAN.online)
      throw new Error(
        `The voice webhook should ring the ${WEBHOOK_PLAN.online} online members; it answered ${first.status}: ${twiml}`,
      );
    await servers.setBareTwiml(twiml);

    // Same check for both: a 200 that does not ring the online members is a failure, not a fast answer.
    const accept = (status: number, body: string) =>
      status === 200 && clientsRung(body) === WEBHOOK_PLAN.online;
    const targets: Record<Side, Target> = {
      bare: { url: servers.bareUrl, path: VOICE_PATH, next: request, accept },
      real: { url: servers.realUrl, path: VOICE_PATH, next: request, accept },
    };

    progress(`warming up: ${WEBHOOK_PLAN.warmUpRequests} requests to each server`);
    for (const side of ['bare', 'real'] as const)
      await warmUp(targets[side], { requests: WEBHOOK_PLAN.warmUpRequests, connections: 10 });

    const measure = async (side: Side, load: (target: Target) => Promise<LoadRun>): Promise<SideRun> => {
      await account.heartbeat();
      await servers.drain();
      await sleep(300);
      const run = await load(targets[side]);
      const drained = await servers.drain();
      return { load: run, server: summarise(drained[side]) };
    };
    const scenario = async (name: string, order: Side[], load: (target: Target) => Promise<LoadRun>) => {
      const runs: Partial<Record<Side, SideRun>> = {};
      for (const side of order) {
        progress(`${name}: ${side}`);
        runs[side] = await measure(side, load);
      }
      return { name, order, bare: runs.bare!, real: runs.real! };
    };

    const probe = await scenario('one at a time', ['bare', 'real'], (t) =>
      saturate(t, { connections: 1, seconds: WEBHOOK_PLAN.probeSeconds }),
    );
    const saturation = await scenario('saturation', ['bare', 'real'], (t) =>
      saturate(t, WEBHOOK_PLAN.saturation),
    );
    const fixedRate = await scenario('fixed rate', ['real', 'bare'], (t) =>
      offerRate(t, WEBHOOK_PLAN.fixedRate),
    );
    const { callsOpened, logErrors } = await servers.drain();

    const limits = WEBHOOK_PLAN.targets;
    return {
      plan: WEBHOOK_PLAN,
      probe: { bare: probe.bare, real: probe.real },
      saturation,
      fixedRate,
      targets: [
        check(
          'throughput at saturation, real / bare',
          ratio(saturation.real.load.throughput, saturation.bare.load.throughput),
          '≥',
          limits.saturationThroughputRatio,
        ),
        check(
          'p99 latency at the fixed rate, real / bare',
          ratio(fixedRate.real.load.latency?.p99, fixedRate.bare.load.latency?.p99),
          '≤',
          limits.fixedRateP99Ratio,
        ),
        check(
          'server-side p99 at the fixed rate, ms',
          fixedRate.real.server?.p99 ?? null,
          '<',
          limits.serverP99Ms,
        ),
      ],
      callsOpened,
      logErrors,
    };
  } finally {
    clearInterval(heartbeat);
    await servers.close();
  }
}
