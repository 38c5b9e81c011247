import { readFileSync } from 'node:fs';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Operation } from 'openapi-backend';
import { parse as parseYaml } from 'yaml';

/** The official specs live beside the project, never copied into it (../shared/specs/README.md). */
export const SPECS_DIR = new URL('../../../shared/specs/', import.meta.url);

export interface SpecRequest {
  method: string;
  path: string;
  /** Raw query string without `?`. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface SpecViolation {
  spec: string;
  what: 'request' | 'response' | 'unknown-operation';
  method: string;
  path: string;
  status?: number;
  errors: string[];
}

export interface SpecCheck {
  /** The spec's operation for a request, or null when no spec describes it. */
  operationFor(request: SpecRequest): { spec: string; operationId: string } | null;
  /** Every problem with the request: empty when the spec accepts it. */
  checkRequest(request: SpecRequest): SpecViolation[];
  checkResponse(request: SpecRequest, status: number, body: unknown): SpecViolation[];
}

interface LoadedSpec {
  name: string;
  api: OpenAPIBackend;
}

const cache = new Map<string, Promise<LoadedSpec>>();

function loadSpec(relativePath: string): Promise<LoadedSpec> {
  let loaded = cache.get(relativePath);
  if (!loaded) {
    loaded = (async () => {
      const text = readFileSync(new URL(relativePath, SPECS_DIR), 'utf8');
      const definition = relativePath.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      // quick: the vendors' documents break small rules of the OpenAPI schema (HubSpot puts a
      // description beside `$ref` under `default`), which the full validation rejects outright;
      // the operations and schemas we check against are sound.
      const api = new OpenAPIBackend({
        definition,
        quick: true,
        strict: false,
        ajvOpts: { strict: false, allErrors: true },
        customizeAjv: (ajv) => {
          addFormats.default(ajv);
          return ajv;
        },
      });
      await api.init();
      return { name: relativePath, api };
    })();
    cache.set(relativePath, loaded);
  }
  return loaded;
}

function toBackendRequest(request: SpecRequest) {
  return {
    method: request.method.toLowerCase(),
    path: request.path,
    query: request.query,
    headers: request.headers,
    body: request.body,
  };
}

function describe(
  errors: ReadonlyArray<{ instancePath?: string; message?: string; params?: unknown }> | null | undefined,
) {
  return (errors ?? []).map(
    (error) =>
      `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params ?? {})}`,
  );
}

/**
 * Checks requests and responses against the vendor's published OpenAPI documents with
 * openapi-backend (ajv underneath), so an emulator or a connector drifting from the real API fails
 * its test instead of passing against our own idea of the API.
 */
export async function loadSpecCheck(relativePaths: string[]): Promise<SpecCheck> {
  const specs = await Promise.all(relativePaths.map(loadSpec));

  function match(request: SpecRequest): { spec: LoadedSpec; operation: Operation } | null {
    for (const spec of specs) {
      const operation = spec.api.router.matchOperation(toBackendRequest(request) as never);
      if (operation) return { spec, operation };
    }
    return null;
  }

  return {
    operationFor(request) {
      const found = match(request);
      return found ? { spec: found.spec.name, operationId: found.operation.operationId ?? '' } : null;
    },
    checkRequest(request) {
      const found = match(request);
      if (!found) {
        return [
          {
            spec: relativePaths.join(', '),
            what: 'unknown-operation',
            method: request.method,
            path: request.path,
            errors: ['no operation in the spec matches this method and path'],
          },
        ];
      }
      const result = found.spec.api.validator.validateRequest(
        toBackendRequest(request) as never,
        found.operation,
      );
      return result.valid
        ? []
        : [
            {
              spec: found.spec.name,
              what: 'request',
              method: request.method,
              path: request.path,
              errors: describe(result.errors),
            },
          ];
    },
    checkResponse(request, status, body) {
      const found = match(request);
      if (!found) return [];
      const result = found.spec.api.validator.validateResponse(body, found.operation, status);
      return result.valid
        ? []
        : [
            {
              spec: found.spec.name,
              what: 'response',
              method: request.method,
              path: request.path,
              status,
              errors: describe(result.errors),
            },
          ];
    },
  };
}
