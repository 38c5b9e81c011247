/** @odoo-module **/

/**
 * Odoo's side of the conversation with Parley's dialer, framed at `<Parley URL>/dialer?host=odoo`.
 * Plain functions with no Odoo import, so Parley's browser test loads this very file in a page
 * playing Odoo (web/e2e/dialer-odoo.test.ts). The dialer's side is web/src/dialer/hosts/odoo.ts.
 *
 * Odoo → dialer:  { type: 'parley.dial', number }
 * dialer → Odoo:  { type: 'parley.signedIn', member }            member null when signed out
 *                 { type: 'parley.screenPop', callId, number, name }   a call rings for this rep
 *                 { type: 'parley.callStarted', call }
 *                 { type: 'parley.callEnded', call }
 *                 { type: 'parley.openRecord', url }
 */

export const DIAL = 'parley.dial';

/** The event on Odoo's bus that asks the systray dialer to call a number (`{ number }`). */
export const DIAL_EVENT = 'parley:dial';

/** The dialer's address for this Odoo: `lang` is Odoo's user language (fr_FR → fr). */
export function dialerUrl(parleyUrl, lang) {
  const url = new URL('/dialer', parleyUrl);
  url.searchParams.set('host', 'odoo');
  const short = (lang || '').split(/[_-]/)[0];
  if (short) {
    url.searchParams.set('lang', short);
  }
  return url.href;
}

/**
 * One dialer frame's link: `frame()` gives its window (null while not mounted), `origin` the
 * Parley origin, the only one messages are sent to and accepted from. Numbers asked before the
 * rep signed in wait for the sign-in, so a click-to-dial right after page load is not lost.
 */
export function createDialerLink({ frame, origin, on }) {
  let signedIn = false;
  const waiting = [];
  const send = (number) => frame()?.postMessage({ type: DIAL, number }, origin);
  return {
    get signedIn() {
      return signedIn;
    },
    dial(number) {
      if (typeof number !== 'string' || !number.trim()) {
        return;
      }
      if (signedIn) {
        send(number);
      } else {
        waiting.push(number);
      }
    },
    /** Handles one `message` event; returns whether it came from the dialer. */
    receive(event) {
      if (event.origin !== origin || !frame() || event.source !== frame()) {
        return false;
      }
      const data = event.data;
      if (!data || typeof data.type !== 'string') {
        return false;
      }
      switch (data.type) {
        case 'parley.signedIn':
          signedIn = Boolean(data.member);
          if (signedIn) {
            waiting.splice(0).forEach(send);
          }
          on.signedIn?.(data.member || null);
          return true;
        case 'parley.screenPop':
          if (typeof data.number === 'string') {
            on.screenPop?.({ callId: data.callId, number: data.number, name: data.name || null });
          }
          return true;
        case 'parley.callStarted':
          on.callStarted?.(data.call);
          return true;
        case 'parley.callEnded':
          on.callEnded?.(data.call);
          return true;
        case 'parley.openRecord':
          if (typeof data.url === 'string' && /^https?:\/\//.test(data.url)) {
            on.openRecord?.(data.url);
          }
          return true;
        default:
          return false;
      }
    },
  };
}
