import type { CrmKind } from '@parley/connectors';
import type { Services } from '../../services.ts';
import { contactOfCrmRecord } from '../../sync/contact-links.ts';
import { type ClickToCall, clickToCall } from './click-to-call.ts';

/** The CRM record a rep clicked a number on (Salesforce's click-to-dial gives its id). */
export interface CrmRecordAsked {
  kind: CrmKind;
  id: string;
}

/** What the record turned out to be: its Parley contact, or null when the sync linked none. */
export interface CrmRecordFound extends CrmRecordAsked {
  contactId: string | null;
}

type Request = Parameters<typeof clickToCall>[2] & { crmRecord?: CrmRecordAsked | undefined };

/**
 * Click to call from a CRM record: the call is with the Parley contact the sync linked to that
 * record, so it is logged on it. An unknown record does not stop the call; the answer says it
 * found no contact. A contact id given with the record wins: the rep named the person.
 */
export async function clickToCallFromRecord(
  services: Services,
  actor: { accountId: string; memberId: string },
  { crmRecord, ...input }: Request,
): Promise<ClickToCall & { crmRecord?: CrmRecordFound }> {
  if (!crmRecord) return clickToCall(services, actor, input);
  const contactId = await contactOfCrmRecord(services.db, actor.accountId, crmRecord);
  const placed = await clickToCall(services, actor, {
    ...input,
    contactId: input.contactId ?? contactId ?? undefined,
  });
  return { ...placed, crmRecord: { ...crmRecord, contactId } };
}
