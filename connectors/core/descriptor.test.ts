import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CrmConnector, CrmKind } from './connector.ts';
import { type ConnectorDeps, type ConnectorRegistry, defineConnector } from './descriptor.ts';
import { CrmError } from './errors.ts';
import { systemClock } from './http.ts';

const deps: ConnectorDeps = {
  limiter: { take: async () => ({ allowed: true, retryAfterMs: 0 }) },
  rateKey: 'crm:test',
  clock: systemClock,
  log: { debug() {}, info() {}, warn() {}, error() {} },
};

/** A connector that only answers recordUrl: enough to see what the descriptor hands it. */
function stub(kind: CrmKind, host: string): CrmConnector {
  const unused = async (): Promise<never> => {
    throw new Error('not exercised by descriptor tests');
  };
  return {
    kind,
    verify: unused,
    findContactsByPhone: unused,
    upsertCallLog: unused,
    upsertCallLogs: unused,
    addNote: unused,
    upsertContact: unused,
    changedContacts: unused,
    listOwners: unused,
    listOutcomes: unused,
    recordUrl: (ref) => `https://${host}/${ref.objectType}/${ref.id}`,
  };
}

const Config = z.strictObject({ accessToken: z.string().min(10), host: z.string() });
const formSetup = { kind: 'form' as const, form: Config, fields: [] };

function describeCrm<K extends CrmKind>(kind: K, made: CrmKind = kind) {
  return defineConnector({
    kind,
    config: Config,
    rate: { budget: { requests: 100, perMs: 10_000 } },
    capabilities: { batchUpsert: true, upsertByUniqueKey: true, maxBatchSize: 100 },
    setup: formSetup,
    create: (config, _deps) => stub(made, config.host),
  });
}

describe('defineConnector', () => {
  it('connects from stored JSON by parsing it with the descriptor’s schema', () => {
    const connector = describeCrm('attio').connect(
      { accessToken: 'a-long-token', host: 'app.attio.com' },
      deps,
    );
    expect(connector.recordUrl({ crm: 'attio', objectType: 'people', id: 'p1' })).toBe(
      'https://app.attio.com/people/p1',
    );
  });

  it('refuses bad settings as invalid, naming the fields but never their values', () => {
    let thrown: unknown;
    try {
      describeCrm('odoo').connect({ accessToken: 'short-sec', host: 7 }, deps);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CrmError);
    expect(thrown).toMatchObject({
      kind: 'invalid',
      detail: { crm: 'odoo' },
      message: "The Odoo connection's settings are incomplete or wrong (accessToken, host); reconnect it.",
    });
    expect(String(thrown)).not.toContain('short-sec');
  });

  it('refuses a descriptor whose create makes another CRM’s connector', () => {
    const mixed = describeCrm('hubspot', 'salesforce');
    expect(() => mixed.connect({ accessToken: 'a-long-token', host: 'h' }, deps)).toThrow(TypeError);
  });

  it.each([
    [{ batchUpsert: true, upsertByUniqueKey: true, maxBatchSize: 0 }],
    [{ batchUpsert: true, upsertByUniqueKey: true, maxBatchSize: 2.5 }],
    [{ batchUpsert: false, upsertByUniqueKey: true, maxBatchSize: 100 }],
  ])('refuses capabilities that contradict themselves: %j', (capabilities) => {
    const define = () =>
      defineConnector({
        kind: 'hubspot',
        config: Config,
        rate: { budget: { requests: 100, perMs: 10_000 } },
        capabilities,
        setup: formSetup,
        create: (config) => stub('hubspot', config.host),
      });
    expect(define).toThrow(RangeError);
  });

  it('refuses an empty rate budget', () => {
    const define = () =>
      defineConnector({
        kind: 'hubspot',
        config: Config,
        rate: { budget: { requests: 0, perMs: 10_000 } },
        capabilities: { batchUpsert: false, upsertByUniqueKey: false, maxBatchSize: 1 },
        setup: formSetup,
        create: (config) => stub('hubspot', config.host),
      });
    expect(define).toThrow(RangeError);
  });

  it('types a registry that has every CRM under its own key', () => {
    const registry = {
      hubspot: describeCrm('hubspot'),
      salesforce: describeCrm('salesforce'),
      attio: describeCrm('attio'),
      odoo: describeCrm('odoo'),
    } as const satisfies ConnectorRegistry;
    // @ts-expect-error a descriptor under another CRM's key does not compile
    const misfiled = { ...registry, odoo: describeCrm('attio') } satisfies ConnectorRegistry;
    // @ts-expect-error a registry missing a CRM does not compile
    const missing = { hubspot: registry.hubspot } satisfies ConnectorRegistry;
    expect(Object.keys(registry)).toHaveLength(4);
    expect([misfiled, missing]).toHaveLength(2);
  });
});
