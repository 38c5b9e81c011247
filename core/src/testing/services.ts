/**
 * The URL of a server-backed service for tests. Outside CI a missing URL skips the
 * server-backed half (with the reason printed); in CI a missing URL is a failure, so a green CI
 * run always means both implementations were tested.
 */
export function serviceUrl(name: 'DATABASE_URL' | 'REDIS_URL'): string | undefined {
  const url = process.env[name];
  if (url) return url;
  if (process.env.CI) throw new Error(`${name} must be set in CI: .ci/run starts the service and exports it`);
  console.info(`skip: ${name} is not set, so the tests against the server-backed implementation are skipped`);
  return undefined;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
