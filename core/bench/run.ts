import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { crmSyncBench } from './crm-sync.bench.ts';
import { crmSyncReport, webhookReport } from './report.ts';
import { transcriptionBench, transcriptionReport } from './transcription.bench.ts';
import { webhookBench } from './webhook.bench.ts';

/**
 * `npm run bench`: measures, prints ratios against baselines run in the same process, and keeps
 * the numbers in .artifacts/bench/latest.json. It never fails on a missed target: speed on a shared
 * machine is a measurement to read, not a test to pass.
 */
const started = new Date();
const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

const webhook = await webhookBench(progress);
const crmSync = await crmSyncBench(progress);
const transcription = await transcriptionBench(progress);
const machine = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
};
const seconds = (Date.now() - started.getTime()) / 1000;

const lines = [
  `Parley bench — ${started.toISOString()}, ${machine.node}, ${machine.platform}, ${machine.cpus} CPUs (${machine.cpuModel}), load ${machine.loadAverage.join(' ')}`,
  '',
  ...webhookReport(webhook),
  '',
  ...crmSyncReport(crmSync),
  '',
  ...transcriptionReport(transcription),
  '',
  `done in ${seconds.toFixed(0)} s`,
];
process.stdout.write(`${lines.join('\n')}\n`);

const folder = fileURLToPath(new URL('../../.artifacts/bench/', import.meta.url));
await mkdir(folder, { recursive: true });
await writeFile(
  `${folder}latest.json`,
  `${JSON.stringify({ startedAt: started.toISOString(), seconds, machine, webhook, crmSync, transcription }, null, 2)}\n`,
);
process.stdout.write(`numbers kept in .artifacts/bench/latest.json\n`);
