import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * A small OpenAPI 3 checker, enough to hold the emulator to Twilio's published spec
 * (../shared/specs/twilio/twilio_api_v2010.json): the operation must exist, every query and form
 * parameter must be declared, and every top-level key of a JSON response must be in its schema.
 * It returns violations as sentences instead of throwing, so the emulator still answers and the
 * test names every mismatch at once.
 */
export const TWILIO_SPEC_PATH = fileURLToPath(
  new URL('../../../../../../shared/specs/twilio/twilio_api_v2010.json', import.meta.url),
);

export interface SpecRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
}

export interface SpecResponse {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface SpecChecker {
  checkRequest(request: SpecRequest): string[];
  checkResponse(response: SpecResponse): string[];
}

const specSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), z.unknown()).default({}) }).optional(),
});

const contentSchema = z.record(z.string(), z.object({ schema: z.unknown() }));

const operationSchema = z.object({
  parameters: z
    .array(
      z.object({
        name: z.string(),
        in: z.string(),
        required: z.boolean().optional(),
        schema: z.object({ pattern: z.string().optional() }).optional(),
      }),
    )
    .default([]),
  requestBody: z.object({ content: contentSchema }).optional(),
  responses: z.record(z.string(), z.object({ content: contentSchema.optional() })),
});

const objectSchema = z.object({
  $ref: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  required: z.array(z.string()).optional(),
  allOf: z.array(z.unknown()).optional(),
});

type Operation = z.infer<typeof operationSchema>;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

const loaded = new Map<string, SpecChecker>();

export function loadTwilioSpec(file = TWILIO_SPEC_PATH): SpecChecker {
  let checker = loaded.get(file);
  if (!checker) {
    checker = createSpecChecker(JSON.parse(readFileSync(file, 'utf8')));
    loaded.set(file, checker);
  }
  return checker;
}

export function createSpecChecker(document: unknown): SpecChecker {
  const spec = specSchema.parse(document);
  const schemas = spec.components?.schemas ?? {};
  const templates = Object.keys(spec.paths)
    .map((template) => ({
      template,
      pattern: templatePattern(template),
      params: template.split('{').length - 1,
    }))
    .sort((a, b) => a.params - b.params);

  function find(method: string, path: string) {
    const verb = method.toLowerCase();
    for (const { template, pattern } of templates) {
      const match = pattern.exec(path);
      const raw = match && HTTP_METHODS.has(verb) ? spec.paths[template]?.[verb] : undefined;
      if (match && raw) {
        return {
          label: `${method.toUpperCase()} ${template}`,
          operation: operationSchema.parse(raw),
          values: match.groups ?? {},
        };
      }
    }
    return null;
  }

  /** Property names and required names of a schema, following $ref and allOf. */
  function shape(schema: unknown, seen = 0): { properties: Set<string>; required: string[] } {
    const parsed = objectSchema.safeParse(schema);
    if (!parsed.success || seen > 20) return { properties: new Set(), required: [] };
    if (parsed.data.$ref)
      return shape(schemas[parsed.data.$ref.replace('#/components/schemas/', '')], seen + 1);
    const properties = new Set(Object.keys(parsed.data.properties ?? {}));
    const required = [...(parsed.data.required ?? [])];
    for (const part of parsed.data.allOf ?? []) {
      const inner = shape(part, seen + 1);
      for (const name of inner.properties) properties.add(name);
      required.push(...inner.required);
    }
    return { properties, required };
  }

  return {
    checkRequest({ method, path, query, form }) {
      const found = find(method, path);
      if (!found) return [`${method.toUpperCase()} ${path} is not in the Twilio spec`];
      const { label, operation, values } = found;
      return [
        ...checkPathValues(label, operation, values),
        ...checkNames(`${label}: query parameter`, new Set(query.keys()), declared(operation, 'query')),
        ...checkForm(label, operation, form),
      ];
    },

    checkResponse({ method, path, status, body }) {
      const found = find(method, path);
      if (!found) return [];
      const { label, operation } = found;
      const response = operation.responses[String(status)];
      // Twilio's spec declares success responses only; error bodies are the emulator's own shape.
      if (!response) return status >= 400 ? [] : [`${label}: status ${status} is not in the Twilio spec`];
      const schema = response.content?.[JSON_TYPE]?.schema;
      if (!schema)
        return body === undefined ? [] : [`${label}: status ${status} has no body in the Twilio spec`];
      if (typeof body !== 'object' || body === null)
        return [`${label}: status ${status} must answer a JSON object`];
      const { properties } = shape(schema);
      return Object.keys(body)
        .filter((key) => !properties.has(key))
        .map((key) => `${label}: response key "${key}" is not in the Twilio spec`);
    },
  };

  function checkForm(label: string, operation: Operation, form: URLSearchParams): string[] {
    const names = new Set(form.keys());
    const schema = operation.requestBody?.content[FORM]?.schema;
    if (!schema) return names.size > 0 ? [`${label} takes no form body in the Twilio spec`] : [];
    const { properties, required } = shape(schema);
    return [
      ...checkNames(`${label}: form parameter`, names, properties),
      ...required
        .filter((name) => !names.has(name))
        .map((name) => `${label}: form parameter "${name}" is required`),
    ];
  }
}

function checkPathValues(label: string, operation: Operation, values: Record<string, string>): string[] {
  return operation.parameters
    .filter((parameter) => parameter.in === 'path' && parameter.schema?.pattern)
    .filter((parameter) => !new RegExp(parameter.schema?.pattern ?? '').test(values[parameter.name] ?? ''))
    .map(
      (parameter) =>
        `${label}: path parameter ${parameter.name}="${values[parameter.name]}" does not match ${parameter.schema?.pattern}`,
    );
}

function declared(operation: Operation, location: string): Set<string> {
  return new Set(operation.parameters.filter((parameter) => parameter.in === location).map((p) => p.name));
}

function checkNames(label: string, names: Set<string>, allowed: Set<string>): string[] {
  return [...names]
    .filter((name) => !allowed.has(name))
    .map((name) => `${label} "${name}" is not in the Twilio spec`);
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith('{') ? `(?<${part.slice(1, -1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}
