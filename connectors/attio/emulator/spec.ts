import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadSpecCheck, SPECS_DIR, type SpecCheck } from '../../testing/openapi-check.ts';

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);
const Node = z.record(z.string(), z.unknown());

/**
 * Attio's published document, made checkable. Three things stop openapi-backend from using it
 * as is; each is fixed here rather than by loosening the check:
 * - no operation has an `operationId`, and openapi-backend validates only operations that have
 *   one ("Unknown operation"); each gets `METHOD /path`.
 * - a timestamp value is typed `format: date` although its description and its own example are
 *   date-times ("2023-01-01T15:00:00.000000000Z"); those become `format: date-time`.
 * - enums under `type: [string, "null"]` leave out null, which the spec's own examples use
 *   (`default_currency_code: null` on every non-currency attribute); null is added to them.
 */
export function checkable(node: unknown, path: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => checkable(item, path));
  const parsed = Node.safeParse(node);
  if (!parsed.success) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed.data)) out[key] = checkable(value, [...path, key]);
  const [root, route, method] = path;
  if (root === 'paths' && route && method && path.length === 3 && METHODS.has(method) && !out.operationId) {
    out.operationId = `${method.toUpperCase()} ${route}`;
  }
  if (out.format === 'date' && typeof out.example === 'string' && out.example.includes('T')) {
    out.format = 'date-time';
  }
  const nullable = Array.isArray(out.type) && out.type.includes('null');
  if (nullable && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

/** Written once per spec version to the temp directory as JSON, which loads fast. */
function checkablePath(): string {
  const source = new URL('attio/attio-openapi.yaml', SPECS_DIR);
  const stamp = statSync(source).mtimeMs.toFixed(0);
  const target = join(tmpdir(), `parley-attio-openapi-${stamp}-v3.json`);
  if (existsSync(target)) return target;
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(checkable(parseYaml(readFileSync(source, 'utf8')))));
  renameSync(partial, target);
  return target;
}

export function attioSpecCheck(): Promise<SpecCheck> {
  return loadSpecCheck([pathToFileURL(checkablePath()).href]);
}
