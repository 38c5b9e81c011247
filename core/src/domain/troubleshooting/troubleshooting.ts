import { CRM_LABELS } from '@parley/connectors';
import type { Services } from '../../services.ts';
import { sql } from '../../store/sql.ts';
import { listConnections } from '../../sync/connections.ts';
import { getAccount, seatsUsed } from '../accounts/accounts.ts';
import { describeNow, getSchedule } from '../hours/hours-store.ts';
import { listNumbers } from '../numbers/numbers.ts';
import { teamPresence } from '../presence/presence.ts';
import { getPolicy } from '../routing-policy/policy-store.ts';
import { memberIdsIn } from '../routing-policy/references.ts';
import { listInvitations } from '../team/invitations.ts';

/**
 * One finding of a live check: a stable `code` the console words in the reader's language, the
 * facts it is about, and whether it explains the problem (`problem`) or rules a cause out (`ok`).
 */
export interface Finding {
  code: string;
  ok: boolean;
  /** An English sentence with the facts, for the API and the logs; the console words `code` itself. */
  message: string;
  facts: Record<string, unknown>;
}

export interface Diagnosis {
  problem: 'invitation_not_received' | 'cannot_add_members' | 'calls_not_routing' | 'crm_not_syncing';
  /** True when no finding explains the problem: the causes Parley can see are ruled out. */
  ok: boolean;
  findings: Finding[];
}

const diagnosis = (problem: Diagnosis['problem'], findings: Finding[]): Diagnosis => ({
  problem,
  ok: findings.every((finding) => finding.ok),
  findings,
});

async function invitations(services: Services, accountId: string, now: Date): Promise<Diagnosis> {
  const pending = (await listInvitations(services.db, accountId, now)).filter((i) => i.state === 'pending');
  const findings: Finding[] = [];
  if (services.mailer.kind === 'log') {
    findings.push({
      code: 'email_not_configured',
      ok: false,
      message:
        'This server sends no email (SMTP_URL is not set): copy the invitation link from the invitation and send it yourself.',
      facts: {},
    });
  }
  for (const invitation of pending) {
    const failed = invitation.delivery.status === 'failed';
    findings.push({
      code: failed ? 'invitation_delivery_failed' : 'invitation_delivered',
      ok: !failed,
      message: failed
        ? `The email to ${invitation.email} failed: ${invitation.delivery.error ?? 'no reason given'}. Check the address, then resend.`
        : `The email to ${invitation.email} was ${invitation.delivery.status}; ask them to look in spam, or resend it.`,
      facts: {
        email: invitation.email,
        status: invitation.delivery.status,
        error: invitation.delivery.error,
      },
    });
  }
  if (pending.length === 0) {
    findings.push({
      code: 'no_pending_invitation',
      ok: true,
      message: 'No invitation is waiting to be accepted.',
      facts: {},
    });
  }
  return diagnosis('invitation_not_received', findings);
}

async function seats(services: Services, accountId: string, now: Date): Promise<Diagnosis> {
  const account = await getAccount(services.db, accountId);
  const { total: used } = await seatsUsed(services.db, accountId, now);
  const findings: Finding[] = [];
  const full = used >= account.seats;
  findings.push({
    code: full ? 'seats_full' : 'seats_free',
    ok: !full,
    message: full
      ? `All ${account.seats} seats are taken (members and pending invitations): add seats in Billing first.`
      : `${account.seats - used} of ${account.seats} seats are free.`,
    facts: { used, seats: account.seats },
  });
  const paying = account.subscriptionStatus === 'active';
  findings.push({
    code: paying ? 'subscription_active' : `subscription_${account.subscriptionStatus}`,
    ok: paying,
    message: paying
      ? 'The subscription is active.'
      : `The subscription is ${account.subscriptionStatus.replace('_', ' ')}: seats can be added once the payment is settled.`,
    facts: { status: account.subscriptionStatus },
  });
  return diagnosis('cannot_add_members', findings);
}

async function routing(services: Services, accountId: string, now: Date): Promise<Diagnosis> {
  const findings: Finding[] = [];
  const { schedule } = await getSchedule(services.db, accountId);
  const { openNow, nextChange } = describeNow(schedule, now);
  findings.push({
    code: openNow ? 'open_now' : 'closed_now',
    ok: openNow,
    message: openNow
      ? 'Business hours say the team is open now.'
      : `Business hours say the team is closed now: calls get the after-hours behaviour until ${nextChange?.toISOString() ?? 'the hours change'}.`,
    facts: { openNow, nextChange },
  });
  const presence = await teamPresence(services.db, services.bus, accountId);
  const reachable = new Set(presence.filter((p) => p.status === 'online').map((p) => p.memberId));
  const numbers = await listNumbers(services.db, accountId);
  if (numbers.length === 0) {
    findings.push({
      code: 'no_number',
      ok: false,
      message: 'The team has no phone number yet: buy one in Numbers.',
      facts: {},
    });
  }
  for (const number of numbers) {
    const policy = await getPolicy(services.db, accountId, number.id);
    if (!policy) {
      findings.push({
        code: 'number_without_routing',
        ok: false,
        message: `${number.e164} has no routing rule: set who it rings in Routing.`,
        facts: { number: number.e164 },
      });
      continue;
    }
    const members = memberIdsIn(policy);
    const online = members.filter((id) => reachable.has(id));
    findings.push({
      code: online.length > 0 ? 'number_reaches_members' : 'number_reaches_nobody_online',
      ok: online.length > 0 || members.length === 0,
      message:
        online.length > 0
          ? `${number.e164} (${policy.strategy}) rings ${online.length} online member(s) of ${members.length}.`
          : `${number.e164} (${policy.strategy}) rings ${members.length} member(s), none online now: they switch to online in the dialer.`,
      facts: {
        number: number.e164,
        strategy: policy.strategy,
        members: members.length,
        online: online.length,
      },
    });
  }
  return diagnosis('calls_not_routing', findings);
}

async function crm(services: Services, accountId: string): Promise<Diagnosis> {
  const findings: Finding[] = [];
  const connections = (await listConnections(services.db, accountId)).filter((c) => c.kind !== 'google');
  if (connections.length === 0) {
    findings.push({
      code: 'crm_not_connected',
      ok: false,
      message: 'No CRM is connected: connect it once in Integrations, for the whole team (not per member).',
      facts: {},
    });
  }
  const members = await services.db.many<{ email: string }>(
    sql`select email from members where account_id = ${accountId}`,
  );
  for (const connection of connections) {
    const label = CRM_LABELS[connection.kind];
    findings.push({
      code: connection.status === 'active' ? 'crm_connected' : 'crm_reconnect_needed',
      ok: connection.status === 'active',
      message:
        connection.status === 'active'
          ? `${label} is connected for the whole team.`
          : `${label} refused Parley's access: reconnect it in Integrations (${connection.lastError ?? ''}).`,
      facts: { crm: connection.kind },
    });
    const owners = new Set(connection.owners.map((owner) => owner.email.toLowerCase()));
    const unmatched = members.filter((m) => !owners.has(m.email.toLowerCase())).map((m) => m.email);
    findings.push({
      code:
        unmatched.length && !connection.settings.fallbackOwnerId
          ? 'crm_members_unmatched'
          : 'crm_members_matched',
      ok: unmatched.length === 0 || connection.settings.fallbackOwnerId !== null,
      message: unmatched.length
        ? `${unmatched.length} member(s) have no ${label} user (${unmatched.join(', ')}): map them or choose a fallback owner.`
        : `Every member has a ${label} user.`,
      facts: { crm: connection.kind, unmatched },
    });
    const linked = await services.db.one<{ n: number }>(
      sql`select count(*)::int as n from contact_links where connection_id = ${connection.id}`,
    );
    findings.push({
      code: linked.n > 0 ? 'crm_contacts_imported' : 'crm_no_contacts',
      ok: linked.n > 0,
      message:
        linked.n > 0
          ? `${linked.n} ${label} contacts are in Parley's shared contacts.`
          : `No ${label} contact is in Parley yet: run the import in Integrations, then check numbers are filled in ${label}.`,
      facts: { crm: connection.kind, contacts: linked.n },
    });
    findings.push({
      code: connection.failed > 0 ? 'crm_recent_errors' : 'crm_no_errors',
      ok: connection.failed === 0,
      message:
        connection.failed > 0
          ? `${connection.failed} call(s) were refused by ${label}: see Integrations → failures for its own message, then retry.`
          : `${label} accepted every call so far (${connection.logged} logged, ${connection.backlog} waiting).`,
      facts: {
        crm: connection.kind,
        failed: connection.failed,
        logged: connection.logged,
        backlog: connection.backlog,
      },
    });
  }
  return diagnosis('crm_not_syncing', findings);
}

/** The seed's four support questions, answered live for this account. */
export async function troubleshoot(services: Services, accountId: string): Promise<Diagnosis[]> {
  const now = services.now();
  return Promise.all([
    invitations(services, accountId, now),
    seats(services, accountId, now),
    routing(services, accountId, now),
    crm(services, accountId),
  ]);
}
