import express, { type NextFunction, type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Services } from '../services.ts';
import { errorBody, isErrorBody, localizeErrorBody } from './errors.ts';
import { mountRoutes } from './mount.ts';
import { openApiDocument } from './openapi.ts';
import { homePage } from './pages/home-page.ts';
import { joinPage } from './pages/join-page.ts';
import { pickLocale } from './pages/locale.ts';
import { probeReadiness } from './readiness.ts';
import type { AnyRoute } from './route.ts';
import { apiRoutes } from './routes/index.ts';
import { webAppRouter } from './web-app.ts';
import { crmOAuthRouter, crmWebhookRouter } from './webhooks/crm-router.ts';
import { hubspotRouter } from './webhooks/hubspot-router.ts';
import { twilioWebhookRouter } from './webhooks/twilio-router.ts';
import { installZodMessages } from './zod-messages.ts';

installZodMessages();

function withoutAccessToken(url: string | undefined): string | undefined {
  return url?.replace(/([?&]access_token=)[^&]*/g, '$1[redacted]');
}

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Every error body (`{ error: { code, message, details } }`) leaves in the request's language:
 * `?lang=` or Accept-Language as for pages, but English unless French is named (scripts,
 * and fetch's default `Accept-Language: *`).
 */
function localizedErrors(req: Request, res: Response, next: NextFunction) {
  const asked = req.query.lang !== undefined || /\bfr\b/i.test(req.headers['accept-language'] ?? '');
  const locale = asked ? pickLocale(req) : 'en';
  if (locale === 'fr') {
    const json = res.json.bind(res);
    res.json = (body: unknown) => json(isErrorBody(body) ? localizeErrorBody(body, locale) : body);
  }
  next();
}

/** Body-parser failures (bad JSON, too large) as our error shape instead of an HTML page. */
function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction) {
  const e = error as { type?: string; status?: number };
  if (e.type === 'entity.parse.failed')
    return res.status(400).json(
      errorBody('malformed_json', 'The request body is not valid JSON.', {
        fields: { '(body)': 'Not valid JSON' },
      }),
    );
  if (e.type === 'entity.too.large')
    return res.status(413).json(errorBody('too_large', 'The request body is too large (12 MB at most).'));
  if (e.status && e.status >= 400 && e.status < 500)
    return res.status(e.status).json(errorBody('bad_request', 'The request could not be read.'));
  next(error);
}

export function createApp(services: Services, routes: readonly AnyRoute[] = apiRoutes) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders);
  app.use(localizedErrors);
  app.use(
    pinoHttp({
      logger: services.log,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      // /api/events takes the framed dialer's token in its URL (EventSource sends no headers).
      serializers: { req: (req: { url?: string }) => ({ ...req, url: withoutAccessToken(req.url) }) },
    }),
  );

  app.get('/join', (req, res) => {
    res.type('html').send(joinPage(pickLocale(req)));
  });
  app.get('/', (req, res) => {
    res.type('html').send(homePage(pickLocale(req)));
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await probeReadiness(services);
    const ready = Object.values(checks).every((c) => c === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });

  const api = express.Router();
  api.use(express.json({ limit: '12mb' }));
  api.use(bodyErrors);
  api.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(routes, services.publicUrl));
  });
  mountRoutes(
    api,
    routes.map((r) => ({ ...r, path: r.path.replace(/^\/api/, '') })),
    services,
  );
  api.use((req, res) => {
    res
      .status(404)
      .json(
        errorBody(
          'route_not_found',
          `No route ${req.method} /api${req.path}: see /api/openapi.json for the API.`,
        ),
      );
  });
  app.use('/api', api);

  app.use('/webhooks/twilio', twilioWebhookRouter(services));
  app.use('/webhooks/crm', crmWebhookRouter(services));
  app.use('/hubspot', hubspotRouter(services));
  app.use('/oauth/crm', crmOAuthRouter(services));
  // After the webhooks: Twilio's requests, which must be answered fast, never walk the web app's routes.
  app.use(webAppRouter(services));

  app.use((req: Request, res: Response) => {
    res.status(404).json(errorBody('not_found', `Nothing at ${req.path}.`));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    services.log.error({ err: error }, 'unhandled request error');
    if (!res.headersSent)
      res.status(500).json(errorBody('internal', 'Something went wrong on our side; it has been logged.'));
  });
  return app;
}
