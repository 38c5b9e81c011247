import type { Services } from '../services.ts';

const TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/** `ok` or what is wrong, per dependency. */
export async function probeReadiness(
  services: Pick<Services, 'db' | 'bus'>,
): Promise<Record<string, string>> {
  const [store, bus] = await Promise.all([probe(() => services.db.ping()), probe(() => services.bus.ping())]);
  return { store, bus };
}
