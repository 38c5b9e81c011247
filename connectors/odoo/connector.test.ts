import { runConformance } from '../core/conformance/run-conformance.ts';
import { testDeps } from '../testing/deps.ts';
import { startOdooEmulator } from './emulator/index.ts';
import { odoo } from './index.ts';

runConformance({
  descriptor: odoo,
  make: async () => {
    const emulator = await startOdooEmulator();
    const config = emulator.config();
    return { connector: odoo.create(config, testDeps()), emulator, secrets: [config.apiKey] };
  },
  // Odoo's CRM app (crm.lead) is out of this connector's scope: every partner is a contact.
  hasLeads: false,
  // Per batch of 100: one `upsert_calls` of Parley's module; plus, once per connector, authenticate
  // and the ir.model check for the module, which the second request per batch covers.
  requestsPerBatch: 2,
});
