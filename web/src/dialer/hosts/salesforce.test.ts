import { describe, expect, it, vi } from 'vitest';
import type { CallInfo, DialRecord } from '../host-bridge.ts';
import {
  type ClickToDialPayload,
  isSalesforceOrigin,
  type OpenCti,
  openCtiUrl,
  recordIdOf,
  SOFTPHONE_CHANNEL,
  salesforceHost,
  salesforceId18,
} from './salesforce.ts';

const ORG = 'https://acme.lightning.force.com';

/** A window framed by `framer` (null: top level), as the bridge reads it. */
function fakeWindow(framer: string | null) {
  const win = {
    location: { ancestorOrigins: framer ? [framer] : [], origin: 'https://parley.example', search: '' },
    document: { referrer: '' },
    open: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  } as unknown as Window & { parent: Window };
  win.parent = framer ? ({ postMessage: vi.fn() } as unknown as Window) : win;
  return win;
}

/** `sforce.opencti` as the guide documents it, recording every call; listeners can be fired. */
function fakeOpenCti() {
  const calls: Array<[string, unknown]> = [];
  let clickToDial: ((payload: ClickToDialPayload) => void) | null = null;
  const channels = new Map<string, (message: unknown) => void>();
  const record = (name: string) => (args?: unknown) => void calls.push([name, args]);
  const api: OpenCti = {
    CALL_TYPE: { INBOUND: 'inbound' },
    SCREENPOP_TYPE: { SOBJECT: 'sobject' },
    enableClickToDial: record('enableClickToDial'),
    disableClickToDial: record('disableClickToDial'),
    onClickToDial(args) {
      clickToDial = args.listener;
      calls.push(['onClickToDial', null]);
    },
    searchAndScreenPop: record('searchAndScreenPop'),
    screenPop: record('screenPop'),
    setSoftphonePanelVisibility: record('setSoftphonePanelVisibility'),
    notifyInitializationComplete: record('notifyInitializationComplete'),
    subscribe(args) {
      channels.set(args.channelName, args.listener);
      calls.push(['subscribe', args.channelName]);
    },
  };
  return {
    api,
    calls,
    names: () => calls.map(([name]) => name),
    click: (payload: ClickToDialPayload) => clickToDial?.(payload),
    publish: (channel: string, message: unknown) => channels.get(channel)?.(message),
  };
}

/** Lets the promise chain of the library's loading run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const ringing: CallInfo = { callId: 'c1', direction: 'inbound', number: '+33612345678', contact: null };

describe('the Salesforce host bridge (Lightning Open CTI)', () => {
  it('loads opencti_min.js from the Salesforce origin framing the dialer, then tells Salesforce it is ready', async () => {
    const cti = fakeOpenCti();
    const load = vi.fn(async () => cti.api);
    salesforceHost(fakeWindow(ORG), load);
    await settle();
    expect(load).toHaveBeenCalledWith(expect.anything(), ORG);
    expect(openCtiUrl(ORG)).toBe(`${ORG}/support/api/62.0/lightning/opencti_min.js`);
    expect(cti.names()).toEqual(['onClickToDial', 'subscribe', 'notifyInitializationComplete']);
    expect(cti.calls[1]).toEqual(['subscribe', SOFTPHONE_CHANNEL]);
  });

  it('enables click-to-dial while a rep is signed in and disables it on sign-out', async () => {
    const cti = fakeOpenCti();
    const host = salesforceHost(fakeWindow(ORG), async () => cti.api);
    host.signedIn({ id: 'm1', name: 'Ada', email: 'ada@example.com' });
    host.signedIn(null);
    await settle();
    expect(cti.names().filter((name) => name.endsWith('ClickToDial'))).toEqual([
      'onClickToDial',
      'enableClickToDial',
      'disableClickToDial',
    ]);
  });

  it('turns a click on a Salesforce phone number into a dial request for that number and its record', async () => {
    const cti = fakeOpenCti();
    const host = salesforceHost(fakeWindow(ORG), async () => cti.api);
    const asked: Array<[string, DialRecord | undefined]> = [];
    const stop = host.onDialRequest((number, record) => asked.push([number, record]));
    await settle();
    cti.click({ number: '+33 6 12 34 56 78', recordId: '003000000000001AAA', objectType: 'Contact' });
    stop();
    cti.click({ number: '+33 6 99 99 99 99', recordId: '003000000000002AAA', objectType: 'Contact' });
    expect(asked).toEqual([['+33612345678', { crm: 'salesforce', id: '003000000000001AAA' }]]);
  });

  it('names a person account’s contact, a 15-character id in its 18-character form, and no record without an id', async () => {
    const cti = fakeOpenCti();
    const host = salesforceHost(fakeWindow(ORG), async () => cti.api);
    const asked: Array<DialRecord | undefined> = [];
    host.onDialRequest((_, record) => asked.push(record));
    await settle();
    cti.click({
      number: '0612345678',
      recordId: '001000000000001AAA',
      contactId: '003000000000009AAA',
      personAccount: true,
    });
    cti.click({ number: '0612345678', recordId: '001A0000006Vm9r' });
    cti.click({ number: '0612345678' });
    cti.click({ number: '0612345678', recordId: 'javascript:alert(1)' });
    expect(asked).toEqual([
      { crm: 'salesforce', id: '003000000000009AAA' },
      { crm: 'salesforce', id: '001A0000006Vm9rIAC' },
      undefined,
      undefined,
    ]);
  });

  it('dials what parleyClickToCall sends over the message channel and opens the softphone panel', async () => {
    const cti = fakeOpenCti();
    const host = salesforceHost(fakeWindow(ORG), async () => cti.api);
    const asked: string[] = [];
    const records: Array<DialRecord | undefined> = [];
    host.onDialRequest((number, record) => {
      asked.push(number);
      records.push(record);
    });
    await settle();
    cti.publish(SOFTPHONE_CHANNEL, { type: 'parley.something', number: '0612345678' });
    expect(asked).toEqual([]);
    cti.publish(SOFTPHONE_CHANNEL, {
      type: 'parley.dial',
      number: '06 12 34 56 78',
      recordId: '00Q000000000001AAA',
    });
    expect(asked).toEqual(['0612345678']);
    expect(records).toEqual([{ crm: 'salesforce', id: '00Q000000000001AAA' }]);
    expect(cti.calls.at(-1)).toEqual(['setSoftphonePanelVisibility', { visible: true }]);
  });

  it('on an incoming call shows the softphone and searches and pops the caller’s number as inbound', async () => {
    const cti = fakeOpenCti();
    const host = salesforceHost(fakeWindow(ORG), async () => cti.api);
    host.incomingCall(ringing);
    await settle();
    expect(cti.calls.slice(-2)).toEqual([
      ['setSoftphonePanelVisibility', { visible: true }],
      ['searchAndScreenPop', { searchParams: '+33612345678', callType: 'inbound', deferred: false }],
    ]);
  });

  it('never logs the call itself: the server writes the one Task', async () => {
    const cti = fakeOpenCti();
    const host = salesforceHost(fakeWindow(ORG), async () => cti.api);
    await settle();
    const before = cti.calls.length;
    host.callStarted(ringing);
    host.callEnded({ ...ringing, result: 'answered', talkSeconds: 30, notes: 'ok', disposition: null });
    await settle();
    expect(cti.calls.length).toBe(before);
  });

  it('opens a Salesforce record through screenPop and any other link in a new tab', async () => {
    const cti = fakeOpenCti();
    const win = fakeWindow(ORG);
    const host = salesforceHost(win, async () => cti.api);
    host.openRecord({ url: `${ORG}/lightning/r/Contact/003000000000001AAA/view`, crm: 'salesforce' });
    host.openRecord({ url: 'https://app.hubspot.com/contacts/1/record/0-1/2', crm: 'hubspot' });
    await settle();
    expect(cti.calls.at(-1)).toEqual([
      'screenPop',
      { type: 'sobject', params: { recordId: '003000000000001AAA' } },
    ]);
    expect(win.open).toHaveBeenCalledWith(
      'https://app.hubspot.com/contacts/1/record/0-1/2',
      '_blank',
      'noopener',
    );
    expect(win.open).toHaveBeenCalledTimes(1);
  });

  it('keeps the dialer working when the library cannot load: records open in a new tab', async () => {
    const win = fakeWindow(ORG);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = salesforceHost(win, async () => {
      throw new Error('blocked');
    });
    const url = `${ORG}/lightning/r/Lead/00Q000000000001AAA/view`;
    host.openRecord({ url, crm: 'salesforce' });
    host.incomingCall(ringing);
    await settle();
    expect(win.open).toHaveBeenCalledWith(url, '_blank', 'noopener');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('at top level, with no Salesforce around it, loads nothing and acts as a plain tab', () => {
    const load = vi.fn(async () => fakeOpenCti().api);
    const win = fakeWindow(null);
    const host = salesforceHost(win, load);
    host.openRecord({ url: `${ORG}/lightning/r/Contact/003000000000001AAA/view`, crm: 'salesforce' });
    expect(load).not.toHaveBeenCalled();
    expect(win.open).toHaveBeenCalledOnce();
  });

  it('loads no script from a framing page outside Salesforce, such as a connected Odoo server', () => {
    const load = vi.fn(async () => fakeOpenCti().api);
    const win = fakeWindow('https://odoo.acme.example');
    const record = { url: 'https://odoo.acme.example/odoo/contacts/7' };
    salesforceHost(win, load).openRecord(record);
    expect(load).not.toHaveBeenCalled();
    // The plain host's protocol instead: the framing page gets the message, at its own origin only.
    expect(win.parent.postMessage).toHaveBeenCalledWith(
      { type: 'parley.openRecord', record },
      'https://odoo.acme.example',
    );
    expect(isSalesforceOrigin(ORG)).toBe(true);
    expect(isSalesforceOrigin('https://acme--dev.sandbox.lightning.force.com')).toBe(true);
    expect(isSalesforceOrigin('https://acme.my.salesforce.com')).toBe(true);
    expect(isSalesforceOrigin('https://evil-lightning.force.com.example')).toBe(false);
    expect(isSalesforceOrigin('https://notlightning.force.com')).toBe(false);
    expect(isSalesforceOrigin('http://acme.lightning.force.com')).toBe(false);
    expect(isSalesforceOrigin('http://127.0.0.1:8080')).toBe(true);
  });

  it('reads the record id from the Lightning record links the connector makes, and only from those', () => {
    expect(recordIdOf(`${ORG}/lightning/r/Contact/003000000000001AAA/view`)).toBe('003000000000001AAA');
    expect(recordIdOf(`${ORG}/lightning/r/Lead/00Q000000000001/view?x=1`)).toBe('00Q000000000001');
    expect(recordIdOf(`${ORG}/lightning/o/Contact/list`)).toBeNull();
    expect(recordIdOf(`${ORG}/lightning/r/Contact/not-an-id/view`)).toBeNull();
  });
});

describe('salesforceId18', () => {
  it.each([
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['003000000000001', '003000000000001AAA'],
    ['003000000000001AAA', '003000000000001AAA'],
    ['0035g00000AbCdE', '0035g00000AbCdEAAV'],
  ])('gives %s as %s', (id, full) => {
    expect(salesforceId18(id)).toBe(full);
  });

  it.each([[''], ['003'], ['003000000000001A'], ['003-00000000001'], [42]])('refuses %j', (id) => {
    expect(salesforceId18(id)).toBeNull();
  });
});
