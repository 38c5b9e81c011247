import { z } from 'zod';
import type { AnyRoute } from './route.ts';

type JsonObject = Record<string, unknown>;

const ErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'A sentence a person can act on' },
        details: {
          type: 'object',
          properties: { fields: { type: 'object', additionalProperties: { type: 'string' } } },
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  return rest;
}

function queryParameters(schema: z.ZodType | undefined, location: 'query' | 'path'): JsonObject[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: readonly AnyRoute[], serverUrl: string): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const responses: JsonObject = {
      [route.response.status]: {
        description: route.response.description ?? 'Success',
        ...(route.response.schema
          ? { content: { 'application/json': { schema: jsonSchema(route.response.schema, 'output') } } }
          : {}),
      },
      400: errorResponse('Invalid input; details.fields names each field and what is wrong with it'),
    };
    if (route.access !== 'public') responses[401] = errorResponse('Not signed in');
    if (route.access === 'admin') responses[403] = errorResponse('Signed in, but not an admin');
    if (route.path.includes(':')) responses[404] = errorResponse('No such resource in this account');
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/(^|[/_-])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`,
      ...(route.access === 'public' ? { security: [] } : {}),
      parameters: [...queryParameters(route.params, 'path'), ...queryParameters(route.query, 'query')],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '0.1.0',
      description:
        'Team administration, numbers, hours, routing and contacts. Errors are { error: { code, message, details } }.',
    },
    servers: [{ url: serverUrl }],
    security: [{ session: [] }, { bearer: [] }],
    components: {
      schemas: { Error: ErrorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'parley_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (POST /api/me/tokens)' },
      },
    },
    paths,
  };
}
