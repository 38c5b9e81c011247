import type { Request, Response } from 'express';
import { CUSTOMER_LABEL, conferenceName, REP_LABEL } from '../../domain/supervision/modes.ts';
import { supervisorJoin } from '../../domain/supervision/supervision.ts';
import type { Services } from '../../services.ts';
import { renderConferenceParty, renderSupervisorJoin } from '../../telephony/twilio/twiml/conference.ts';
import { renderHangup } from '../../telephony/twilio/twiml/outbound.ts';
import { signedCall } from './twilio-context.ts';

/** Live listening's webhooks: the call's parties and its supervisors joining the call's conference. */

function twiml(res: Response, xml: string) {
  res.status(200).type('text/xml').send(xml);
}

function forbidden(res: Response) {
  res.status(403).type('text/plain').send('Invalid or missing X-Twilio-Signature');
}

/** The caller, once its <Dial> ended because the rep moved into the conference, joins it too. */
export function callerJoinsConference(callId: string): string {
  return renderConferenceParty({ name: conferenceName(callId), label: CUSTOMER_LABEL });
}

/** The rep's leg, redirected there when the first supervisor arrives. */
export async function conferenceHandler(services: Services, req: Request, res: Response): Promise<void> {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  twiml(res, renderConferenceParty({ name: conferenceName(call.id), label: REP_LABEL }));
}

/** A supervisor's dialer picked up: it joins muted, as the rep's coach, or plainly. */
export async function superviseHandler(services: Services, req: Request, res: Response): Promise<void> {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  const supervisionId = typeof req.query.supervision === 'string' ? req.query.supervision : '';
  const join = /^[0-9a-f-]{36}$/.test(supervisionId)
    ? await supervisorJoin(services.db, call.id, supervisionId, call.record)
    : null;
  // The supervisor left, or the call ended, before their dialer picked up.
  twiml(res, join ? renderSupervisorJoin(join) : renderHangup());
}
