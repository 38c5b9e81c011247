import { describe, expect, it } from 'vitest';
import { crmAppsFromEnv } from './crm-services.ts';
import { installedConnectors, installedSources } from './registry.ts';

const registries = { descriptors: installedConnectors, sources: installedSources };

describe('CRM apps from the environment', () => {
  it('reads a CRM’s app id beside its client id and secret (HubSpot’s recordings pipeline needs it)', () => {
    const apps = crmAppsFromEnv(
      {
        PARLEY_HUBSPOT_CLIENT_ID: 'client',
        PARLEY_HUBSPOT_CLIENT_SECRET: 'secret',
        PARLEY_HUBSPOT_AUTH_URL: 'https://app.hubspot.com',
        PARLEY_HUBSPOT_APP_ID: ' 3003 ',
      },
      registries,
    );
    expect(apps.hubspot).toMatchObject({ clientId: 'client', clientSecret: 'secret', appId: '3003' });
  });

  it('leaves the app id out when it is not set', () => {
    const apps = crmAppsFromEnv(
      {
        PARLEY_HUBSPOT_CLIENT_ID: 'client',
        PARLEY_HUBSPOT_CLIENT_SECRET: 'secret',
        PARLEY_HUBSPOT_AUTH_URL: 'https://app.hubspot.com',
      },
      registries,
    );
    expect(apps.hubspot).not.toHaveProperty('appId');
  });

  it('uses each CRM’s public login host when only the client id and secret are set, and a sandbox host when given', () => {
    const env: Record<string, string> = {};
    for (const kind of ['HUBSPOT', 'SALESFORCE', 'ATTIO']) {
      env[`PARLEY_${kind}_CLIENT_ID`] = 'client';
      env[`PARLEY_${kind}_CLIENT_SECRET`] = 'secret';
    }
    const apps = crmAppsFromEnv(env, registries);
    expect(apps.hubspot?.authBaseUrl).toBe('https://app.hubspot.com');
    expect(apps.salesforce?.authBaseUrl).toBe('https://login.salesforce.com');
    expect(apps.attio?.authBaseUrl).toBe('https://app.attio.com');
    const sandbox = crmAppsFromEnv(
      { ...env, PARLEY_SALESFORCE_AUTH_URL: 'https://test.salesforce.com' },
      registries,
    );
    expect(sandbox.salesforce?.authBaseUrl).toBe('https://test.salesforce.com');
  });
});
