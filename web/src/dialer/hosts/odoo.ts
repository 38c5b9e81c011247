import { dialRequestFromMessage } from '../dial-request.ts';
import { type HostBridge, parentOrigin, plainTabHost } from '../host-bridge.ts';

/**
 * Inside Odoo: the Parley addon's systray frames `/dialer?host=odoo` and speaks postMessage with it
 * (odoo-module/parley/static/src/bridge/protocol.js is the other end). Only the framing Odoo page is
 * listened to and posted to, never `*`. Odoo opens the caller's partner itself: it is told the
 * number, which it matches against its own contacts (`res.partner.parley_find_partner`).
 */
export function odooHost(win: Window = window): HostBridge {
  const odoo = parentOrigin(win);
  // Opened at top level (not in Odoo): nothing to talk to, so behave as a plain tab.
  if (!odoo) return plainTabHost(win);
  const post = (message: object) => win.parent.postMessage(message, odoo);
  return {
    onDialRequest(callback) {
      const listener = (event: MessageEvent) => {
        if (event.origin !== odoo || event.source !== win.parent) return;
        const number = dialRequestFromMessage(event.data);
        if (number) callback(number);
      };
      win.addEventListener('message', listener);
      return () => win.removeEventListener('message', listener);
    },
    signedIn: (member) => post({ type: 'parley.signedIn', member }),
    incomingCall: (info) =>
      post({
        type: 'parley.screenPop',
        callId: info.callId,
        number: info.number,
        name: info.contact?.name ?? null,
      }),
    callStarted: (info) => post({ type: 'parley.callStarted', call: info }),
    callEnded: (log) => post({ type: 'parley.callEnded', call: log }),
    openRecord: (ref) => post({ type: 'parley.openRecord', url: ref.url }),
  };
}
