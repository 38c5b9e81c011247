import { defineConnector } from '../core/descriptor.ts';
import { MAX_CALLS_PER_BATCH } from './calls.ts';
import { ODOO_RATE } from './client.ts';
import { ODOO_FORM_FIELDS, OdooConfigSchema } from './config.ts';
import { OdooConnector } from './connector.ts';

export const odoo = defineConnector({
  kind: 'odoo',
  config: OdooConfigSchema,
  rate: ODOO_RATE,
  // One `create` takes a list; there is no upsert by key over RPC, so the connector searches first.
  capabilities: { batchUpsert: true, upsertByUniqueKey: false, maxBatchSize: MAX_CALLS_PER_BATCH },
  setup: { kind: 'form', form: OdooConfigSchema, fields: ODOO_FORM_FIELDS },
  create: (config, deps) => new OdooConnector(config, deps),
});
