import { resolve } from 'node:path';
import { z } from 'zod';
import { type Env, publicUrl } from '../config/env.ts';
import { createSecretBox } from '../crypto/secret-box.ts';
import { resolveSecretKey } from '../crypto/secret-key-file.ts';
import { simulatorCredentials } from '../telephony/account-carriers.ts';
import type { CallScript } from '../telephony/simulator/voice/call-script.ts';
import { httpDeviceSignal, simulateInboundCall } from '../telephony/simulator/voice/index.ts';
import { CliError } from './admin.ts';

const InboundArgs = z.object({
  from: z.string().min(3),
  to: z.string().min(3),
  answer: z.string().optional(),
  digits: z.string().optional(),
  say: z.string().optional(),
  voicemail: z.string().optional(),
  token: z.string().optional(),
});

const USAGE =
  'parley simulate inbound --from +33612345678 --to +33199000000 [--answer lea@example.com|<member id>] [--digits 2] [--say "sales please"] [--voicemail "message text"] [--token <API token>]';

interface Member {
  id: string;
  email: string;
}

async function api<T>(base: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok)
    throw new CliError(`GET ${path} answered ${res.status}: check --token (an admin's API token).`);
  return (await res.json()) as T;
}

/**
 * Plays Twilio's part against a running server (`parley start` without Twilio credentials):
 * posts the signed webhooks of an inbound call, follows the TwiML, and prints the story. With an
 * admin's API token it also names members by email and prints the call's final record.
 */
export async function simulateCommand(
  env: Env,
  sub: string | undefined,
  values: Record<string, unknown>,
): Promise<string> {
  if (sub !== 'inbound') throw new CliError(`Unknown simulation "${sub ?? ''}".\nUsage: ${USAGE}`);
  const parsed = InboundArgs.safeParse(values);
  if (!parsed.success)
    throw new CliError(
      `${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\nUsage: ${USAGE}`,
    );
  const args = parsed.data;
  const base = publicUrl(env, env.PORT);
  const token = args.token ?? process.env.PARLEY_TOKEN;
  const key = await resolveSecretKey({
    envKey: env.PARLEY_SECRET_KEY,
    production: env.NODE_ENV === 'production',
    dataDir: resolve(env.PARLEY_DATA_DIR),
    warn: () => undefined,
  });
  const { accountSid, authToken } = simulatorCredentials(createSecretBox(key));

  let answerBy = args.answer;
  if (answerBy?.includes('@')) {
    if (!token)
      throw new CliError('To name who answers by email, pass --token (or PARLEY_TOKEN) with an API token.');
    const { members } = await api<{ members: Member[] }>(base, token, '/api/team/members');
    answerBy = members.find((m) => m.email === answerBy?.toLowerCase())?.id;
    if (!answerBy) throw new CliError(`No member with the email ${args.answer} in this account.`);
  }
  const script: CallScript = {
    ...(answerBy ? { answer: [{ by: answerBy }] } : {}),
    ...(args.digits ? { digits: [args.digits] } : {}),
    ...(args.say ? { speech: [args.say] } : {}),
    ...(args.voicemail ? { voicemail: { seconds: 10, transcript: args.voicemail } } : {}),
  };
  let story: Awaited<ReturnType<typeof simulateInboundCall>>;
  try {
    story = await simulateInboundCall({
      voiceUrl: `${base}/webhooks/twilio/voice`,
      statusUrl: `${base}/webhooks/twilio/status`,
      accountSid,
      authToken,
      from: args.from,
      to: args.to,
      script,
      // Without --answer the members' dialers decide: the call rings them in real time.
      ...(answerBy ? {} : { devices: httpDeviceSignal({ url: `${base}/api/simulator/device`, authToken }) }),
    });
  } catch (error) {
    if (error instanceof TypeError)
      throw new CliError(
        `Parley is not answering at ${base}: start it with \`npm start\` (same PARLEY_DATA_DIR and PORT).`,
      );
    throw error;
  }
  const lines = [...story.lines];
  if (story.applicationError) lines.push(`! application error: ${story.applicationError}`);
  if (token) {
    const { calls } = await api<{ calls: { record: { id: string } }[] }>(base, token, '/api/calls?limit=20');
    const final = calls.find((c) => c.record?.id === story.callSid);
    lines.push('', 'Final record:', JSON.stringify(final ?? null, null, 2));
  } else lines.push('', 'Pass --token <admin API token> to print the final call record.');
  return lines.join('\n');
}
