/** @odoo-module **/

import { DIAL_EVENT } from '@parley/bridge/protocol';
import { registry } from '@web/core/registry';

/** The partner form's "Call" button returns this client action (res.partner.action_parley_call). */
function parleyDial(env, action) {
  env.bus.trigger(DIAL_EVENT, { number: action.params?.number });
}

registry.category('actions').add('parley.dial', parleyDial);
