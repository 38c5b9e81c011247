import { describe, expect, it } from 'vitest';
import type { CallInfo, CallLog } from '../host-bridge.ts';
import { odooHost } from './odoo.ts';

const ODOO = 'https://odoo.example.com';

/** The dialer framed by an Odoo page: what it posts to its parent, and messages delivered by hand. */
function framedWindow(framer: string | null = ODOO) {
  const listeners: Array<(event: unknown) => void> = [];
  const posted: Array<[unknown, string]> = [];
  const parent = {
    postMessage(message: unknown, origin: string) {
      posted.push([message, origin]);
    },
  };
  const win = {
    location: {
      ancestorOrigins: framer ? [framer] : [],
      origin: 'https://parley.example',
      search: '?host=odoo',
    },
    document: { referrer: '' },
    addEventListener(_type: string, listener: (event: unknown) => void) {
      listeners.push(listener);
    },
    removeEventListener(_type: string, listener: (event: unknown) => void) {
      listeners.splice(listeners.indexOf(listener), 1);
    },
    open() {
      return null;
    },
  } as unknown as Window & { parent: unknown };
  (win as { parent: unknown }).parent = framer ? parent : win;
  const deliver = (data: unknown, origin = ODOO, source: unknown = parent) => {
    for (const listener of [...listeners]) listener({ data, origin, source });
  };
  return { win: win as Window, deliver, posted, listeners };
}

const call: CallInfo = {
  callId: 'c1',
  direction: 'inbound',
  number: '+33612345678',
  contact: { id: 'ct_1', name: 'Alice Martin' },
};

describe('the Odoo host bridge', () => {
  it('dials what the framing Odoo page asks, and nothing another origin or frame sends', () => {
    const { win, deliver, listeners } = framedWindow();
    const dialed: string[] = [];
    const stop = odooHost(win).onDialRequest((number) => dialed.push(number));
    deliver({ type: 'parley.dial', number: '+33 6 12 34 56 78' });
    deliver({ type: 'parley.dial', number: '+33 6 00 00 00 01' }, 'https://evil.example');
    deliver({ type: 'parley.dial', number: '+33 6 00 00 00 02' }, ODOO, {});
    deliver({ type: 'parley.other', number: '+33 6 00 00 00 03' });
    expect(dialed).toEqual(['+33612345678']);
    stop();
    expect(listeners).toHaveLength(0);
  });

  it('asks Odoo to open the caller’s partner when a call rings, by number, only to Odoo’s origin', () => {
    const { win, posted } = framedWindow();
    odooHost(win).incomingCall(call);
    expect(posted).toEqual([
      [{ type: 'parley.screenPop', callId: 'c1', number: '+33612345678', name: 'Alice Martin' }, ODOO],
    ]);
  });

  it('an unknown caller still pops, with no name', () => {
    const { win, posted } = framedWindow();
    odooHost(win).incomingCall({ ...call, contact: null });
    expect(posted[0]?.[0]).toEqual({
      type: 'parley.screenPop',
      callId: 'c1',
      number: '+33612345678',
      name: null,
    });
  });

  it('reports sign-in, the call’s start and end, and record links to Odoo', () => {
    const { win, posted } = framedWindow();
    const host = odooHost(win);
    const log: CallLog = {
      ...call,
      result: 'answered',
      talkSeconds: 42,
      notes: 'Quote',
      disposition: 'interested',
    };
    host.signedIn({ id: 'm1', name: 'Ada', email: 'ada@example.com' });
    host.callStarted(call);
    host.callEnded(log);
    host.openRecord({ url: `${ODOO}/web#id=12&model=res.partner`, crm: 'odoo' });
    expect(posted).toEqual([
      [{ type: 'parley.signedIn', member: { id: 'm1', name: 'Ada', email: 'ada@example.com' } }, ODOO],
      [{ type: 'parley.callStarted', call }, ODOO],
      [{ type: 'parley.callEnded', call: log }, ODOO],
      [{ type: 'parley.openRecord', url: `${ODOO}/web#id=12&model=res.partner` }, ODOO],
    ]);
  });

  it('at top level (no Odoo around it) behaves as a plain tab and posts nothing', () => {
    const { win, posted } = framedWindow(null);
    const host = odooHost(win);
    host.incomingCall(call);
    host.signedIn(null);
    expect(posted).toEqual([]);
  });
});
