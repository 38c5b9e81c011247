import { runConformance } from '../core/conformance/run-conformance.ts';
import { testDeps } from '../testing/deps.ts';
import { startHubspotEmulator } from './emulator/index.ts';
import { hubspot } from './index.ts';
import { pacedLimiter } from './test-limiter.ts';

runConformance({
  descriptor: hubspot,
  async make() {
    const emulator = await startHubspotEmulator();
    const config = emulator.config();
    // A real budget, as core's bus gives one: the emulator enforces Search's 5/s like HubSpot.
    const connector = hubspot.create(config, testDeps({ limiter: pacedLimiter() }));
    const { credentials } = config;
    const secrets =
      credentials.kind === 'oauth'
        ? [credentials.accessToken, credentials.refreshToken, credentials.clientSecret]
        : [credentials.accessToken];
    return { connector, emulator, secrets };
  },
  hasLeads: true,
  // Per batch of 100: batch/upsert of calls + v4 batch/create of associations. One-time per
  // connector: the property group and `parley_call_id` property (two POSTs, 409 when present), so 3.
  requestsPerBatch: 3,
});
