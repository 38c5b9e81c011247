import { defineConnector } from '../core/descriptor.ts';
import { COLLECTION_MAX } from './call-logs.ts';
import { SALESFORCE_RATE } from './client.ts';
import { SalesforceConfigSchema } from './config.ts';
import { createSalesforceConnector } from './connector.ts';
import { authorizeUrl, exchange } from './oauth.ts';

export const salesforce = defineConnector({
  kind: 'salesforce',
  config: SalesforceConfigSchema,
  rate: SALESFORCE_RATE,
  capabilities: { batchUpsert: true, upsertByUniqueKey: true, maxBatchSize: COLLECTION_MAX },
  // Production orgs log in here; sandboxes set PARLEY_SALESFORCE_AUTH_URL=https://test.salesforce.com.
  setup: { kind: 'oauth', defaultAuthBaseUrl: 'https://login.salesforce.com', authorizeUrl, exchange },
  // Open CTI softphones are framed by Lightning pages; each org's own host comes from its connection.
  frameOrigins: ['https://*.lightning.force.com', 'https://*.my.salesforce.com'],
  create: (config, deps) => createSalesforceConnector(config, deps),
});
