import { type HostBridge, plainTabHost } from './host-bridge.ts';
import { hubspotHost } from './hosts/hubspot.ts';
import { odooHost } from './hosts/odoo.ts';
import { salesforceHost } from './hosts/salesforce.ts';

/**
 * The host bridges by the name a CRM extension puts in the dialer's URL (`/dialer?host=hubspot`).
 * Each CRM's bridge lives in `hosts/<crm>.ts`; an unknown or missing name gets the plain tab.
 */
const HOSTS: Record<string, (win: Window) => HostBridge> = {
  plain: plainTabHost,
  hubspot: hubspotHost,
  odoo: odooHost,
  salesforce: salesforceHost,
};

export function hostFromUrl(win: Window = window): HostBridge {
  const name = new URLSearchParams(win.location.search).get('host') ?? 'plain';
  return (HOSTS[name] ?? plainTabHost)(win);
}
