import { CRM_LABELS, type WebhookRequest } from '@parley/connectors';
import express, { type Request, type Response, type Router } from 'express';
import type { Services } from '../../services.ts';
import { sql } from '../../store/sql.ts';
import { finishOAuth, parseKind } from '../../sync/admin.ts';
import { connectionsForRemote, openConfig } from '../../sync/connections.ts';
import { isCrmKind } from '../../sync/contact-sync.ts';
import { errorBody, toHttpError } from '../errors.ts';
import { escapeHtml, pickLocale } from '../pages/locale.ts';

function headersOf(req: Request): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );
}

/**
 * One route for every CRM's webhooks: the connector reads which remote account the request
 * claims, the connection of that account supplies the secret, and only a request the connector
 * verifies (over the raw bytes) does anything — a forged one is a 401 that changes nothing.
 * A verified change does not import anything itself: it asks for a pull of the change feed,
 * which is the one path that writes contacts.
 */
export function crmWebhookRouter(services: Services): Router {
  const router = express.Router();
  router.post(
    '/:kind',
    express.raw({ type: () => true, limit: '2mb' }),
    async (req: Request, res: Response) => {
      try {
        const kind = parseKind(String(req.params.kind));
        const spec = isCrmKind(kind) ? services.crm.descriptors[kind]?.webhook : undefined;
        if (!spec) {
          res
            .status(404)
            .json(errorBody('crm_no_webhooks', `${CRM_LABELS[kind]} does not send webhooks to Parley.`));
          return;
        }
        const request: WebhookRequest = {
          method: req.method,
          url: `${services.publicUrl}${req.originalUrl}`,
          headers: headersOf(req),
          rawBody: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '',
        };
        const remote = spec.accountOf(request);
        const candidates = remote ? await connectionsForRemote(services.db, kind, remote) : [];
        const secret = services.crm.apps[kind]?.webhookSecret;
        let verified = false;
        for (const row of candidates) {
          // A per-connection secret (a webhook subscription's own) wins over the app-wide one.
          const stored = openConfig(services.secrets, row);
          const own =
            typeof stored === 'object' &&
            stored !== null &&
            'webhookSecret' in stored &&
            typeof stored.webhookSecret === 'string'
              ? stored.webhookSecret
              : null;
          const key = own ?? secret;
          if (!key) continue;
          const verdict = spec.verify(request, key, Date.now());
          if (!verdict.ok) continue;
          verified = true;
          // Any instance's worker pulls it on its next pass; this instance's is woken now.
          await services.db.execute(
            sql`update crm_connections set contacts_synced_at = null, last_webhook_at = now() where id = ${row.id}`,
          );
          services.crm.worker?.pullSoon(row.id);
        }
        if (!verified) {
          res
            .status(401)
            .json(
              errorBody('crm_webhook_refused', 'The webhook signature does not verify; nothing was changed.'),
            );
          return;
        }
        res.status(204).end();
      } catch (error) {
        const { status, body } = toHttpError(error);
        res.status(status).json(body);
      }
    },
  );
  return router;
}

const TEXT = {
  fr: { failed: 'Connexion impossible', back: 'Retour à Parley' },
  en: { failed: 'Could not connect', back: 'Back to Parley' },
};

/** Where the CRM sends the admin back after they granted (or refused) access. */
export function crmOAuthRouter(services: Services): Router {
  const router = express.Router();
  router.get('/:kind/callback', async (req: Request, res: Response) => {
    const text = TEXT[pickLocale(req)];
    const params = Object.fromEntries(
      Object.entries(req.query).flatMap(([name, value]) =>
        typeof value === 'string' ? [[name, value]] : [],
      ),
    );
    try {
      const kind = parseKind(String(req.params.kind));
      await finishOAuth(services, kind, params);
      res.redirect(303, `/?crm=${kind}&connected=1`);
    } catch (error) {
      const { status, body } = toHttpError(error);
      res
        .status(status)
        .type('html')
        .send(
          `<!doctype html><meta charset="utf-8"><title>${text.failed}</title><main style="font-family:system-ui;max-width:36rem;margin:4rem auto"><h1>${text.failed}</h1><p>${escapeHtml(body.error.message)}</p><p><a href="/">${text.back}</a></p></main>`,
        );
    }
  });
  return router;
}
