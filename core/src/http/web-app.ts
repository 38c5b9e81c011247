import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import type { Services } from '../services.ts';
import { sql } from '../store/sql.ts';
import { escapeHtml, pickLocale } from './pages/locale.ts';

/** The console and the dialer, built by `npm install` (`npm run build:web`) into web/dist. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const MISSING = {
  fr: 'La console et le combiné ne sont pas construits : lancez `npm install` (ou `npm run build:web`) puis redémarrez.',
  en: 'The console and the dialer are not built: run `npm install` (or `npm run build:web`), then restart.',
};

const ANCESTORS_TTL_MS = 60_000;

/**
 * Who may frame the dialer: the CRMs' own hosts (their descriptors say), the host of every CRM an
 * account connected (a self-hosted Odoo, a Salesforce org), and the deployment's extra origins
 * (PARLEY_FRAME_ANCESTORS). Read at most once a minute: connecting a CRM shows within that.
 */
function frameAncestorsOf(services: Services): () => Promise<string> {
  let cached: { at: number; value: string } | null = null;
  return async () => {
    if (cached && Date.now() - cached.at < ANCESTORS_TTL_MS) return cached.value;
    const rows = await services.db.many<{ url: string }>(
      sql`select distinct connected_as ->> 'instanceUrl' as url from crm_connections`,
    );
    const origins = new Set<string>(["'self'", ...services.crm.frameAncestors]);
    for (const descriptor of Object.values(services.crm.descriptors)) {
      for (const origin of descriptor?.frameOrigins ?? []) origins.add(origin);
    }
    for (const row of rows) {
      if (URL.canParse(row.url)) origins.add(new URL(row.url).origin);
    }
    cached = { at: Date.now(), value: [...origins].join(' ') };
    return cached.value;
  };
}

/**
 * Serves /app (console) and /dialer (embeddable): hashed assets cached for good, each page's HTML
 * never cached so a new build is picked up at once. The dialer may be framed by other origins (a
 * CRM's calling widget); the console may not.
 */
export function webAppRouter(services: Services, dist = WEB_DIST): Router {
  const dialerAncestors = frameAncestorsOf(services);
  const router = express.Router();
  router.use(
    '/assets',
    express.static(`${dist}assets`, { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use('/icons', express.static(`${dist}icons`, { maxAge: '1d', fallthrough: false }));
  // The worker and the manifest sit at the root so the worker's scope covers /app and /dialer.
  router.get(['/sw.js', '/manifest.webmanifest'], (req, res) => {
    if (req.path === '/sw.js') res.setHeader('Service-Worker-Allowed', '/');
    res.sendFile(`${dist}${req.path.slice(1)}`, { headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (error && !res.headersSent) res.status(404).end();
    });
  });
  const page = (name: 'app' | 'dialer') => async (req: Request, res: Response) => {
    const file = `${dist}${name}/index.html`;
    if (!existsSync(file)) {
      res
        .status(503)
        .type('html')
        .send(`<!doctype html><meta charset="utf-8"><p>${escapeHtml(MISSING[pickLocale(req)])}</p>`);
      return;
    }
    const ancestors = name === 'app' ? "'self'" : await dialerAncestors();
    res.setHeader('Content-Security-Policy', `frame-ancestors ${ancestors}`);
    res.sendFile(file);
  };
  router.get(['/app', '/app/{*rest}'], page('app'));
  router.get(['/dialer', '/dialer/{*rest}'], page('dialer'));
  return router;
}
