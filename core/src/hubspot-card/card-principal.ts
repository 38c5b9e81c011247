import { AppError } from '../errors.ts';
import type { Principal } from '../http/route.ts';
import type { Queryable } from '../store/db.ts';
import { sql } from '../store/sql.ts';
import { ConnectionSettingsSchema } from '../sync/settings.ts';
import type { CardCaller } from './card-request.ts';

/** The Parley member a card acts for, and the HubSpot connection of their account. */
export interface CardPrincipal extends Principal {
  connectionId: string;
}

interface ConnectionRow {
  id: string;
  account_id: string;
  owners: Array<{ id: string; email: string }>;
  settings: unknown;
}

/**
 * The portal is the Parley account whose HubSpot connection is that portal; the HubSpot user is
 * the member with the same email, or the member an admin gave that user's owner record to.
 */
export async function cardPrincipal(db: Queryable, caller: CardCaller): Promise<CardPrincipal> {
  const connection = await db.maybeOne<ConnectionRow>(sql`select id, account_id, owners, settings
    from crm_connections where kind = 'hubspot' and connected_as ->> 'accountId' = ${caller.portalId}
      and status = 'active'
    order by updated_at desc limit 1`);
  if (!connection)
    throw new AppError(
      'not_found',
      'hubspot_portal_unknown',
      `HubSpot portal ${caller.portalId} is not connected to Parley: an admin connects HubSpot in Parley’s console (CRM).`,
    );
  const email = caller.userEmail.toLowerCase();
  const owner = connection.owners.find((o) => o.email.toLowerCase() === email);
  const overrides = ConnectionSettingsSchema.parse(connection.settings).ownerOverrides;
  const assigned = owner
    ? Object.entries(overrides).find(([, ownerId]) => ownerId === owner.id)?.[0]
    : undefined;
  const member = await db.maybeOne<{ id: string; role: 'admin' | 'member' }>(sql`select id, role from members
    where account_id = ${connection.account_id}
      and (lower(email) = ${email} ${assigned ? sql`or id = ${assigned}` : sql``})
    order by (lower(email) = ${email}) desc limit 1`);
  if (!member)
    throw new AppError(
      'forbidden',
      'hubspot_user_unknown',
      `${caller.userEmail} is not a member of this Parley team: an admin invites them, or assigns their HubSpot owner to a member.`,
    );
  return {
    accountId: connection.account_id,
    memberId: member.id,
    role: member.role,
    // A signed app request stands for the member as an API token does: no session, no embed.
    via: 'token',
    connectionId: connection.id,
  };
}
