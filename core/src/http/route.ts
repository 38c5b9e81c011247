import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Services } from '../services.ts';

export type Role = 'admin' | 'member';

export interface Principal {
  accountId: string;
  memberId: string;
  role: Role;
  /** embed: the short-lived token of the dialer framed in a CRM (POST /api/session/embed-token). */
  via: 'session' | 'token' | 'embed';
}

/** public: anyone; member: any signed-in member; admin: admins only. */
export type Access = 'public' | 'member' | 'admin';

/** Gates checked before the handler, each with its own error telling what to do. */
export type Requirement = 'number';

export interface Reply {
  status?: number;
  body?: unknown;
  /** A raw body (CSV, vCard) instead of JSON. */
  text?: { contentType: string; body: string; fileName?: string };
  /** The handler wrote the response itself (a stream). */
  streamed?: true;
  /** Set (token) or clear (null) the session cookie. */
  session?: { token: string; expiresAt: Date } | null;
}

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Context<A extends Access, B, Q, P> {
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
  principal: A extends 'public' ? Principal | null : Principal;
  services: Services;
  req: Request;
  res: Response;
}

export interface RouteSpec<A extends Access, B, Q, P> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path, e.g. /api/numbers/:id */
  path: string;
  summary: string;
  tag: string;
  access: A;
  requires?: Requirement[];
  /** Answers with a never-ending stream (SSE) rather than one body. */
  stream?: true;
  /**
   * Also accept the dialer's embed token as `?access_token=`: for EventSource, which cannot send
   * an Authorization header. Only for routes that need it, since URLs end up in logs and history.
   */
  tokenInQuery?: true;
  body?: B;
  query?: Q;
  params?: P;
  /** Status of a successful reply and the schema of its body, for the OpenAPI document. */
  response: { status: number; schema?: z.ZodType; description?: string };
  handler(ctx: Context<A, B, Q, P>): Promise<Reply>;
}

// The registry holds routes of every shape; their handlers were checked against their own
// schemas where they were defined.
export type AnyRoute = RouteSpec<Access, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

export function route<
  A extends Access,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<A, B, Q, P>): AnyRoute {
  return spec as unknown as AnyRoute;
}
