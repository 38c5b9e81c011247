import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import { escapeHtml, pickLocale } from './pages/locale.ts';

/** The console and the dialer, built by `npm install` (`npm run build:web`) into web/dist. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const MISSING = {
  fr: 'La console et le combiné ne sont pas construits : lancez `npm install` (ou `npm run build:web`) puis redémarrez.',
  en: 'The console and the dialer are not built: run `npm install` (or `npm run build:web`), then restart.',
};

/**
 * Serves /app (console) and /dialer (embeddable): hashed assets cached for good, each page's HTML
 * never cached so a new build is picked up at once. The dialer may be framed by other origins (a
 * CRM's calling widget); the console may not.
 */
export function webAppRouter(dist = WEB_DIST): Router {
  const router = express.Router();
  router.use(
    '/assets',
    express.static(`${dist}assets`, { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  const page = (name: 'app' | 'dialer') => (req: Request, res: Response) => {
    const file = `${dist}${name}/index.html`;
    if (!existsSync(file)) {
      res
        .status(503)
        .type('html')
        .send(`<!doctype html><meta charset="utf-8"><p>${escapeHtml(MISSING[pickLocale(req)])}</p>`);
      return;
    }
    if (name === 'app') res.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
    else res.setHeader('Content-Security-Policy', 'frame-ancestors *');
    res.sendFile(file);
  };
  router.get(['/app', '/app/{*rest}'], page('app'));
  router.get(['/dialer', '/dialer/{*rest}'], page('dialer'));
  return router;
}
