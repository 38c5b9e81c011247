import express, { type Request, type Response, type Router } from 'express';
import { getAccount } from '../../domain/accounts/accounts.ts';
import { findCallBySid, recordCallEvents, type StoredCall } from '../../domain/calls/calls-store.ts';
import type { CallEvent } from '../../domain/calls/events.ts';
import { lookupInbound, startInboundCall } from '../../domain/calls/inbound.ts';
import {
  announceAnswered,
  announceEnded,
  announceRinging,
  type CallerView,
  callerView,
} from '../../domain/calls/live-events.ts';
import { startOutboundCall } from '../../domain/calls/outbound.ts';
import { getContact } from '../../domain/contacts/contacts.ts';
import { recordingNotice } from '../../domain/recording-policy/notice.ts';
import { recordsCalls } from '../../domain/recording-policy/number-policy.ts';
import { movedToConference } from '../../domain/supervision/supervision.ts';
import { toE164 } from '../../phone/e164.ts';
import { afterGather, type GatherAnswer, stepAt } from '../../routing/paths.ts';
import type { Speech } from '../../routing/plan.ts';
import type { Services } from '../../services.ts';
import { sql } from '../../store/sql.ts';
import { afterDial } from '../../telephony/twilio/twiml/after-dial.ts';
import {
  renderEmpty,
  renderHangup,
  renderOutboundDial,
  renderSay,
} from '../../telephony/twilio/twiml/outbound.ts';
import { renderStep } from '../../telephony/twilio/twiml/render-step.ts';
import { parseClientIdentity } from '../../telephony/twilio/webhooks/identity.ts';
import {
  callStatusCallbackSchema,
  dialActionSchema,
  gatherActionSchema,
  parseWebhook,
  recordingStatusCallbackSchema,
  transcriptionCallbackSchema,
  voiceWebhookSchema,
} from '../../telephony/twilio/webhooks/payloads.ts';
import { formOf, signedCall, signedFor, signedWith } from './twilio-context.ts';
import {
  dialEvent,
  legEvents,
  normaliseStatus,
  recordingEvent,
  statusEvent,
  transcriptionEvent,
} from './twilio-events.ts';
import { callerJoinsConference, conferenceHandler, superviseHandler } from './twilio-supervision.ts';

const ANSWER_CLAIM_MS = 4 * 3_600_000;

function twiml(res: Response, xml: string) {
  res.status(200).type('text/xml').send(xml);
}

/** Twilio gets 403 for anything it did not sign: nothing is read or changed for such a request. */
function forbidden(res: Response) {
  res.status(403).type('text/plain').send('Invalid or missing X-Twilio-Signature');
}

async function callerOf(services: Services, call: StoredCall): Promise<CallerView> {
  const contact = call.contactId
    ? await getContact(services.db, call.accountId, call.contactId).catch(() => null)
    : null;
  return callerView(call.from, contact);
}

/**
 * Renders the plan step at `path` as TwiML and tells the dialers of the members it rings.
 * The plan was stored when the call began, so every instance renders the same step.
 */
async function enterStep(
  services: Services,
  call: StoredCall,
  path: string,
  notice?: Speech,
  known?: { locale: 'fr' | 'en'; caller: CallerView },
): Promise<string> {
  const step = call.plan ? stepAt(call.plan, path) : undefined;
  if (!step) return renderHangup();
  const language = known?.locale ?? (await getAccount(services.db, call.accountId)).locale;
  if (step.kind === 'ring')
    await announceRinging(
      services.bus,
      call.accountId,
      call.id,
      step.memberIds,
      known?.caller ?? (await callerOf(services, call)),
    );
  return renderStep(
    {
      base: services.publicUrl,
      callId: call.id,
      path,
      callerId: call.from,
      record: await recordsCalls(services.db, call.numberId),
      language,
      ...(notice ? { notice } : {}),
    },
    step,
  );
}

async function record(services: Services, call: StoredCall, events: CallEvent[]) {
  if (events.length === 0) return;
  const result = await recordCallEvents(services.db, call.id, events);
  // The outbox row is written: this instance's sync worker logs it now rather than after its pause.
  if (result.record.final) services.crm.worker?.kick();
  if (result.becameFinal)
    await announceEnded(
      services.bus,
      call.accountId,
      call.id,
      result.record.rungMemberIds,
      result.record.result,
    );
}

type Handler = (services: Services, req: Request, res: Response) => Promise<void>;

/** A call placed from a member's browser dialer: From is the member's client identity, To the customer. */
const browserCall: Handler = async (services, req, res) => {
  const body = formOf(req);
  const memberId = parseClientIdentity(body.From ?? '');
  const member = memberId
    ? await services.db.maybeOne<{ account_id: string }>(
        sql`select account_id from members where id = ${memberId}`,
      )
    : null;
  if (!memberId || !member || !(await signedFor(services, req, member.account_id))) return forbidden(res);
  const payload = parseWebhook(voiceWebhookSchema, normaliseStatus(body), 'voice webhook');
  const account = await getAccount(services.db, member.account_id);
  const to = toE164(payload.To, account.defaultCountry);
  if (!to)
    return twiml(
      res,
      renderSay(
        account.locale === 'fr' ? 'Ce numéro n’est pas valide.' : 'This number is not valid.',
        account.locale,
      ),
    );
  const contactId =
    typeof body.contactId === 'string' && /^[0-9a-f-]{36}$/.test(body.contactId) ? body.contactId : undefined;
  const { call, callerId } = await startOutboundCall(services, {
    accountId: member.account_id,
    memberId,
    sid: payload.CallSid,
    to,
    contactId,
  });
  twiml(
    res,
    renderOutboundDial({
      base: services.publicUrl,
      callId: call.id,
      callerId,
      to,
      record: await recordsCalls(services.db, call.numberId),
    }),
  );
};

const voice: Handler = async (services, req, res) => {
  const body = formOf(req);
  if (body.From?.startsWith('client:')) return browserCall(services, req, res);
  const number = body.To ? await lookupInbound(services, body.To, body.From ?? '') : null;
  if (!number) {
    // Unknown number: no account's token can vouch for the request, so it changes nothing.
    twiml(res, renderSay('This number is not in service.', 'en'));
    return;
  }
  if (!signedWith(services, req, services.webhookCredentialsFor(number.account))) return forbidden(res);
  const payload = parseWebhook(voiceWebhookSchema, normaliseStatus(body), 'voice webhook');
  const { call, contact } = await startInboundCall(services, {
    number,
    sid: payload.CallSid,
    from: payload.From,
    to: payload.To,
  });
  // The legal notice comes first, before any menu or ringing, whenever the call is recorded; the
  // number's switch came with the one inbound lookup, so the webhook adds no query for it.
  const notice = number.doNotRecord ? undefined : recordingNotice(number.account.locale);
  twiml(
    res,
    await enterStep(services, call, '0', notice, {
      locale: number.account.locale,
      caller: callerView(call.from, contact),
    }),
  );
};

const status: Handler = async (services, req, res) => {
  const body = formOf(req);
  const stored = body.CallSid ? await findCallBySid(services.db, body.CallSid) : null;
  if (!stored || !(await signedFor(services, req, stored.accountId))) return forbidden(res);
  const payload = parseWebhook(callStatusCallbackSchema, normaliseStatus(body), 'call status callback');
  await record(services, stored, [statusEvent(payload, services.now())]);
  res.status(204).end();
};

export function twilioWebhookRouter(services: Services): Router {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));
  const on = (path: string, handler: Handler) =>
    router.post(path, async (req, res) => {
      try {
        await handler(services, req, res);
      } catch (error) {
        services.log.error({ err: error, webhook: path }, 'twilio webhook failed');
        // The caller hears an apology rather than Twilio's generic application error.
        if (!res.headersSent)
          twiml(res, renderSay('Sorry, we cannot take your call right now. Please try again later.', 'en'));
      }
    });
  on('/voice', voice);
  on('/status', status);
  on('/step', stepHandler);
  on('/dial', dialHandler);
  on('/gather', gatherHandler);
  on('/answer', answerHandler);
  on('/leg', legHandler);
  on('/voicemail', voicemailHandler);
  on('/bridge', bridgeHandler);
  on('/recording', recordingHandler);
  on('/transcription', transcriptionHandler);
  on('/conference', conferenceHandler);
  on('/supervise', superviseHandler);
  return router;
}

function pathOf(req: Request): string {
  return typeof req.query.path === 'string' ? req.query.path : '0';
}

const stepHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  twiml(res, await enterStep(services, call, pathOf(req)));
};

const dialHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  const payload = parseWebhook(dialActionSchema, normaliseStatus(formOf(req)), 'dial action');
  await record(services, call, [dialEvent(payload, services.now())]);
  if (await movedToConference(services.db, call.id)) return twiml(res, callerJoinsConference(call.id));
  const path = pathOf(req);
  const step = call.plan ? stepAt(call.plan, path) : undefined;
  if (!step || (step.kind !== 'ring' && step.kind !== 'forward')) return twiml(res, renderHangup());
  const next = afterDial(path, step, payload.DialCallStatus, payload.DialBridged);
  twiml(res, next.kind === 'done' ? renderHangup() : await enterStep(services, call, next.path));
};

const gatherHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  const payload = parseWebhook(gatherActionSchema, normaliseStatus(formOf(req)), 'gather action');
  const path = pathOf(req);
  const step = call.plan ? stepAt(call.plan, path) : undefined;
  if (step?.kind !== 'gather') return twiml(res, renderHangup());
  let answer: GatherAnswer = { kind: 'none' };
  if (payload.Digits) answer = { kind: 'digits', digits: payload.Digits };
  else if (payload.SpeechResult && step.intents) {
    const match = await services.intentMatcher.match(payload.SpeechResult, step.intents, step.language);
    answer = { kind: 'intent', name: match?.name ?? null };
  }
  const next = afterGather(path, step, answer);
  twiml(res, await enterStep(services, call, next.path, next.notice));
};

/** The member picked up: the first to claim the call takes it; any other leg hangs up. */
const answerHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  const memberId = typeof req.query.member === 'string' ? req.query.member : '';
  const payload = parseWebhook(callStatusCallbackSchema, normaliseStatus(formOf(req)), 'answer hook');
  const claim = await services.bus.claim(`call:${call.id}:answer`, memberId, ANSWER_CLAIM_MS);
  if (!claim.won) return twiml(res, renderHangup());
  const result = await recordCallEvents(services.db, call.id, [
    { type: 'call.answered_by', memberId, legSid: payload.CallSid, at: services.now() },
  ]);
  await announceAnswered(services.bus, call.accountId, call.id, result.record.rungMemberIds, memberId);
  twiml(res, renderEmpty());
};

const legHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  const member =
    typeof req.query.member === 'string' && /^[0-9a-f-]{36}$/.test(req.query.member)
      ? req.query.member
      : null;
  const payload = parseWebhook(callStatusCallbackSchema, normaliseStatus(formOf(req)), 'leg status callback');
  await record(services, call, legEvents(payload, member, services.now()));
  res.status(204).end();
};

const voicemailHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  twiml(res, renderHangup());
};

const recordingHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  const payload = parseWebhook(recordingStatusCallbackSchema, formOf(req), 'recording status callback');
  const event = recordingEvent(payload, services.now());
  await record(services, call, event ? [event] : []);
  res.status(204).end();
};

const transcriptionHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  const payload = parseWebhook(transcriptionCallbackSchema, formOf(req), 'transcription callback');
  const event = transcriptionEvent(payload, services.now());
  await record(services, call, event ? [event] : []);
  res.status(204).end();
};

/** Call-me-first: the rep answered their own phone; tell them, then dial the customer. */
const bridgeHandler: Handler = async (services, req, res) => {
  const call = await signedCall(services, req);
  if (!call) return forbidden(res);
  const account = await getAccount(services.db, call.accountId);
  const to = toE164(call.to);
  if (!to) return twiml(res, renderHangup());
  const greeting =
    account.locale === 'fr'
      ? { text: 'Nous appelons votre correspondant.', language: 'fr' as const }
      : { text: 'Connecting your call.', language: 'en' as const };
  twiml(
    res,
    renderOutboundDial({
      base: services.publicUrl,
      callId: call.id,
      callerId: call.from,
      to,
      record: await recordsCalls(services.db, call.numberId),
      greeting,
    }),
  );
};
