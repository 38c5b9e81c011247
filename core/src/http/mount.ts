import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Services } from '../services.ts';
import { sql } from '../store/sql.ts';
import { authenticate, SESSION_COOKIE } from './auth.ts';
import { fieldsOf, toHttpError } from './errors.ts';
import type { AnyRoute, Reply } from './route.ts';

// Billing and identity stay reachable while an account is suspended, so an admin can pay.
const OPEN_WHILE_SUSPENDED = new Set(['billing', 'identity']);

function parsePart(
  schema: z.ZodType | undefined,
  value: unknown,
  part: 'body' | 'query' | 'params',
): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(part === 'body' && value === undefined ? {} : value);
  if (result.success) return result.data;
  const fields = fieldsOf(result.error, part === 'body' ? undefined : part);
  const first = Object.entries(fields)[0];
  const message = first ? `${first[0]}: ${first[1]}` : 'The request is not valid';
  throw new AppError('invalid', 'invalid_input', message, { fields });
}

async function checkRequirements(route: AnyRoute, accountId: string, services: Services) {
  for (const requirement of route.requires ?? []) {
    if (requirement === 'number') {
      const row = await services.db.maybeOne(
        sql`select 1 from phone_numbers where account_id = ${accountId} limit 1`,
      );
      if (!row)
        throw new AppError(
          'precondition_failed',
          'number_required',
          'A phone number is required to open team settings: buy one first (Numbers → search, then buy).',
        );
    }
  }
}

function send(res: Response, reply: Reply, services: Services) {
  if (reply.streamed) return;
  if (reply.session !== undefined) {
    const secure = services.publicUrl.startsWith('https://');
    if (reply.session)
      res.cookie(SESSION_COOKIE, reply.session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: reply.session.expiresAt,
      });
    else res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  }
  res.status(reply.status ?? 200);
  if (reply.text) {
    res.type(reply.text.contentType);
    if (reply.text.fileName) res.attachment(reply.text.fileName);
    res.send(reply.text.body);
  } else if (reply.body === undefined) res.end();
  else res.json(reply.body);
}

async function handle(route: AnyRoute, req: Request, res: Response, services: Services) {
  const principal = await authenticate(req, services, { tokenInQuery: route.tokenInQuery === true });
  if (route.access !== 'public') {
    if (!principal)
      throw new AppError(
        'unauthenticated',
        'unauthenticated',
        'Sign in first (POST /api/session), or send an API token as "Authorization: Bearer <token>".',
      );
    if (route.access === 'admin' && principal.role !== 'admin')
      throw new AppError(
        'forbidden',
        'admin_only',
        'Only an admin of this account can do this; ask one of your admins.',
      );
    if (principal.subscriptionStatus === 'suspended' && !OPEN_WHILE_SUSPENDED.has(route.tag))
      throw new AppError(
        'payment_required',
        'account_suspended',
        'This account is suspended: an admin must update the payment method in Billing.',
      );
    await checkRequirements(route, principal.accountId, services);
  }
  const params = parsePart(route.params, req.params, 'params');
  const query = parsePart(route.query, req.query, 'query');
  const body = parsePart(route.body, req.body, 'body');
  const reply = await route.handler({ body, query, params, principal, services, req, res });
  send(res, reply, services);
}

export function mountRoutes(router: Router, routes: readonly AnyRoute[], services: Services) {
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      try {
        await handle(route, req, res, services);
      } catch (error) {
        const { status, body, unexpected } = toHttpError(error);
        if (unexpected)
          services.log.error({ err: error, route: `${route.method} ${route.path}` }, 'request failed');
        if (!res.headersSent) res.status(status).json(body);
      }
    });
  }
}
