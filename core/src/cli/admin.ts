import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PLANS } from '../domain/accounts/plans.ts';
import { issueQuote } from '../domain/accounts/quotes.ts';
import { signUp } from '../domain/accounts/signup.ts';
import { recordAudit } from '../domain/audit/audit.ts';
import { ledgerBilling } from '../domain/billing/ledger-billing.ts';
import type { Db } from '../store/db.ts';
import { sql } from '../store/sql.ts';

export class CliError extends Error {
  override name = 'CliError';
  readonly kind = 'usage';
}

function parse<T>(schema: z.ZodType<T>, values: unknown, usage: string): T {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n');
  throw new CliError(`${problems}\nUsage: ${usage}`);
}

const QuoteArgs = z.object({
  plan: z.enum(['starter', 'business']),
  seats: z.coerce.number().int().min(1).max(10_000),
  price: z.coerce.number().min(0).max(10_000).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('EUR'),
  'valid-days': z.coerce.number().int().min(1).max(365).default(30),
  note: z.string().optional(),
});

export async function quoteCommand(db: Db, values: Record<string, unknown>, now: Date): Promise<string> {
  const args = parse(
    QuoteArgs,
    values,
    'parley admin quote --plan business --seats 12 --price 24 [--currency EUR] [--valid-days 30] [--note "…"]',
  );
  const seatPriceCents = Math.round((args.price ?? PLANS[args.plan].listPriceCents / 100) * 100);
  const { code, expiresAt } = await issueQuote(
    db,
    {
      plan: args.plan,
      seats: args.seats,
      seatPriceCents,
      currency: args.currency,
      validDays: args['valid-days'],
      ...(args.note ? { note: args.note } : {}),
    },
    now,
  );
  return [
    `Quote ${code}`,
    `  ${PLANS[args.plan].label}, ${args.seats} seat(s) at ${(seatPriceCents / 100).toFixed(2)} ${args.currency}/seat/month`,
    `  valid until ${expiresAt.toISOString()}; the admin enters this code at sign-up (quoteCode). It is shown only now.`,
  ].join('\n');
}

const CreateArgs = z.object({
  email: z.email(),
  name: z.string().min(1).default('Admin'),
  company: z.string().min(1).default('My team'),
  password: z.string().min(10).optional(),
  country: z.string().length(2).default('FR'),
  'time-zone': z.string().default('Europe/Paris'),
  locale: z.enum(['fr', 'en']).default('fr'),
  quote: z.string().optional(),
});

export async function createAdminCommand(
  db: Db,
  values: Record<string, unknown>,
  now: Date,
): Promise<string> {
  const args = parse(
    CreateArgs,
    values,
    'parley admin create --email admin@example.com [--name "Ada"] [--company "Acme"] [--password …] [--quote PQ-…]',
  );
  const password = args.password ?? randomBytes(12).toString('base64url');
  const result = await signUp(
    db,
    {
      email: args.email,
      password,
      name: args.name,
      company: args.company,
      country: args.country.toUpperCase(),
      timeZone: args['time-zone'],
      locale: args.locale,
      quoteCode: args.quote,
    },
    now,
  );
  return [
    `Created account ${result.accountId} with admin ${result.member.email}.`,
    args.password ? 'Sign in with the password you gave.' : `Temporary password (shown once): ${password}`,
  ].join('\n');
}

const SubscriptionArgs = z.object({
  account: z.string().min(1),
  status: z.enum(['active', 'past_due', 'suspended']),
  reason: z.string().default('set by the operator'),
});

/** The operator's switch for the built-in ledger: past due, suspended, or active again. */
export async function subscriptionCommand(db: Db, values: Record<string, unknown>): Promise<string> {
  const args = parse(
    SubscriptionArgs,
    values,
    'parley admin subscription --account <account id or admin email> --status active|past_due|suspended [--reason "…"]',
  );
  const account = await db.maybeOne<{ id: string; name: string }>(
    args.account.includes('@')
      ? sql`select a.id, a.name from accounts a join members m on m.account_id = a.id where m.email = ${args.account.toLowerCase()}`
      : sql`select id, name from accounts where id::text = ${args.account}`,
  );
  if (!account)
    throw new CliError(
      `No account matches "${args.account}": give the account id or one of its members' email.`,
    );
  await db.transaction(async (tx) => {
    await ledgerBilling.setStatus(tx, account.id, args.status, args.reason);
    await recordAudit(tx, {
      accountId: account.id,
      actorMemberId: null,
      action: 'billing.status_changed',
      targetType: 'account',
      targetId: account.id,
      details: { status: args.status, reason: args.reason },
    });
  });
  return `${account.name} (${account.id}) is now ${args.status}.`;
}
