import { defineConnector } from '../core/descriptor.ts';
import { HubspotConfigSchema } from './config.ts';
import { HubspotConnector } from './connector.ts';
import { hubspotSetup } from './oauth.ts';
import { HUBSPOT_RATE } from './rate.ts';
import { hubspotWebhook } from './webhook.ts';

export const hubspot = defineConnector({
  kind: 'hubspot',
  config: HubspotConfigSchema,
  rate: HUBSPOT_RATE,
  capabilities: { batchUpsert: true, upsertByUniqueKey: true, maxBatchSize: 100 },
  setup: hubspotSetup,
  // The calling widget's frame lives on HubSpot's app hosts (EU portals on app-eu1).
  frameOrigins: ['https://app.hubspot.com', 'https://app-eu1.hubspot.com'],
  webhook: hubspotWebhook,
  create: (config, deps) => new HubspotConnector(config, deps),
});
