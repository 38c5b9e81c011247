import { defineConnector } from '../core/descriptor.ts';
import { ATTIO_RATE } from './client.ts';
import { AttioConfig } from './config.ts';
import { AttioConnector } from './connector.ts';
import { attioSetup } from './oauth.ts';
import { attioWebhook } from './webhook.ts';

export const attio = defineConnector({
  kind: 'attio',
  config: AttioConfig,
  rate: ATTIO_RATE,
  capabilities: { batchUpsert: false, upsertByUniqueKey: true, maxBatchSize: 1 },
  setup: attioSetup,
  frameOrigins: ['https://app.attio.com'],
  webhook: attioWebhook,
  create: (config, deps) => new AttioConnector(config, deps),
});
