import type { Services } from '../../services.ts';
import type { Db } from '../../store/db.ts';
import { sql } from '../../store/sql.ts';
import { sealCarrierCredentials } from '../../telephony/account-carriers.ts';
import type { CarrierIdentity } from '../../telephony/carrier.ts';
import { recordAudit } from '../audit/audit.ts';
import { fromCarrierError } from '../numbers/carrier-errors.ts';

type Actor = { accountId: string; memberId: string };

/** Checked with the carrier before saving, so a typo is caught now rather than on the first call. */
export async function saveCarrierCredentials(
  services: Services,
  actor: Actor,
  creds: { accountSid: string; authToken: string },
) {
  let identity: CarrierIdentity;
  try {
    identity = await services.carrierWith(creds).verify();
  } catch (error) {
    throw fromCarrierError(error);
  }
  const sealed = sealCarrierCredentials(services.secrets, creds);
  await services.db.transaction(async (tx) => {
    await tx.execute(
      sql`update accounts set carrier_credentials = ${sealed}, updated_at = now() where id = ${actor.accountId}`,
    );
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'carrier.credentials_set',
      targetType: 'account',
      targetId: actor.accountId,
      details: { accountSid: creds.accountSid },
    });
  });
  return {
    kind: identity.kind,
    source: 'account',
    accountSid: creds.accountSid,
    friendlyName: identity.friendlyName,
  };
}

export async function removeCarrierCredentials(db: Db, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update accounts set carrier_credentials = null, updated_at = now() where id = ${actor.accountId}`,
    );
    await recordAudit(tx, {
      accountId: actor.accountId,
      actorMemberId: actor.memberId,
      action: 'carrier.credentials_removed',
      targetType: 'account',
      targetId: actor.accountId,
    });
  });
}
