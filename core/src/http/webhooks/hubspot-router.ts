import type { WebhookRequest } from '@parley/connectors';
import express, { type Request, type Response, type Router } from 'express';
import {
  addNote,
  CallBodySchema,
  callFromCard,
  callsOfRecord,
  NoteBodySchema,
  parseOrThrow,
  RecordQuerySchema,
} from '../../hubspot-card/card-actions.ts';
import { type CardPrincipal, cardPrincipal } from '../../hubspot-card/card-principal.ts';
import { cardCallerOf, verifyCardRequest } from '../../hubspot-card/card-request.ts';
import { hubspotRecordingLink, RecordingRequestSchema } from '../../hubspot-card/recording-link.ts';
import type { Services } from '../../services.ts';
import { toHttpError } from '../errors.ts';

type Reply = { status: number; body: unknown };
type SignedHandler = (req: Request, body: unknown) => Promise<Reply>;
type CardHandler = (principal: CardPrincipal, req: Request, body: unknown) => Promise<Reply>;

function jsonOf(raw: string): unknown {
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * What HubSpot itself calls: the app card's routes (`/hubspot/card/…`, from `hubspot.fetch`) and
 * the calling extension's recording URL (`/hubspot/recordings/:callId`). They are not session
 * routes: HubSpot signs each request (v3) with the app's client secret over the raw request. The
 * card's query says which portal and user it runs for; the portal picks the account, the user the member.
 */
export function hubspotRouter(services: Services): Router {
  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: '1mb' }));
  const signed = (handler: SignedHandler) => async (req: Request, res: Response) => {
    try {
      const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      const request: WebhookRequest = {
        method: req.method,
        url: `${services.publicUrl}${req.originalUrl}`,
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(', ') : value,
          ]),
        ),
        rawBody,
      };
      verifyCardRequest(request, services.crm.apps.hubspot?.clientSecret, services.now().getTime());
      const reply = await handler(req, jsonOf(rawBody));
      res.status(reply.status).json(reply.body);
    } catch (error) {
      const { status, body, unexpected } = toHttpError(error);
      if (unexpected)
        services.log.error(
          { err: error, route: `${req.method} /hubspot${req.path}` },
          'HubSpot request failed',
        );
      res.status(status).json(body);
    }
  };
  const card = (handler: CardHandler) =>
    signed(async (req, body) =>
      handler(await cardPrincipal(services.db, cardCallerOf(req.query)), req, body),
    );
  router.get(
    '/card/calls',
    card(async (principal, req) => ({
      status: 200,
      body: { calls: await callsOfRecord(services, principal, parseOrThrow(RecordQuerySchema, req.query)) },
    })),
  );
  router.post(
    '/card/notes',
    card(async (principal, _req, body) => ({
      status: 201,
      body: await addNote(services, principal, parseOrThrow(NoteBodySchema, body)),
    })),
  );
  router.post(
    '/card/calls',
    card(async (principal, _req, body) => ({
      status: 201,
      body: await callFromCard(services, principal, parseOrThrow(CallBodySchema, body)),
    })),
  );
  router.get(
    '/recordings/:callId',
    signed(async (req) => ({
      status: 200,
      body: await hubspotRecordingLink(
        services,
        parseOrThrow(RecordingRequestSchema, {
          callId: req.params.callId,
          externalAccountId: req.query.externalAccountId,
        }),
      ),
    })),
  );
  return router;
}
