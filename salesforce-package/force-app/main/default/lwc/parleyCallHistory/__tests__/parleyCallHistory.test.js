import callsFor from '@salesforce/apex/ParleyCallHistoryController.callsFor';
import ParleyCallHistory from 'c/parleyCallHistory';
import { createElement } from 'lwc';

jest.mock(
  '@salesforce/apex/ParleyCallHistoryController.callsFor',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);

const CONTACT_ID = '003000000000001AAA';

/** Tasks as ParleyCallHistoryController.callsFor returns them (Apex serialises Owner.Name as Owner: { Name }). */
const TASKS = [
  {
    Id: '00T000000000001AAA',
    CallType: 'Inbound',
    CallDurationInSeconds: 125,
    CallDisposition: 'Answered',
    CreatedDate: '2026-11-02T09:15:00.000Z',
    Description: 'Wants a quote for 12 seats.',
    Owner: { Name: 'Ada Lovelace' },
    Parley_Call_Id__c: 'call-1',
    Parley_Summary__c: 'Alice asked for a quote; send it Thursday.',
    Parley_Recording_Url__c: 'https://parley.example.com/api/calls/call-1/recording',
  },
  {
    Id: '00T000000000002AAA',
    CallType: 'Outbound',
    CallDurationInSeconds: 0,
    CallDisposition: 'Missed',
    CreatedDate: '2026-11-01T16:40:00.000Z',
    Owner: { Name: 'Max Member' },
    Parley_Call_Id__c: 'call-2',
  },
];

function mount() {
  const element = createElement('c-parley-call-history', { is: ParleyCallHistory });
  element.recordId = CONTACT_ID;
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();
const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];
const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();

describe('c-parley-call-history', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('asks Apex for the calls of the record it sits on', async () => {
    mount();
    await flush();
    expect(callsFor.getLastConfig()).toEqual({ recordId: CONTACT_ID });
  });

  it('shows each call with direction, duration, member, result, summary, notes and recording', async () => {
    const element = mount();
    callsFor.emit(TASKS);
    await flush();

    const calls = all(element, 'call');
    expect(calls).toHaveLength(2);
    expect(all(element, 'direction').map(text)).toEqual(['Inbound', 'Outbound']);
    expect(all(element, 'duration').map(text)).toEqual(['2:05', '0:00']);
    expect(all(element, 'who').map(text)).toEqual(['Ada Lovelace · Answered', 'Max Member · Missed']);
    expect(all(element, 'summary').map(text)).toEqual(['Summary Alice asked for a quote; send it Thursday.']);
    expect(all(element, 'notes').map(text)).toEqual(['Notes Wants a quote for 12 seats.']);
    const recordings = all(element, 'recording');
    expect(recordings).toHaveLength(1);
    expect(recordings[0].value).toBe('https://parley.example.com/api/calls/call-1/recording');
    expect(recordings[0].label).toBe('Listen to the recording');
    expect(all(element, 'empty')).toEqual([]);
    expect(all(element, 'error')).toEqual([]);
  });

  it('says so when the record has no Parley call', async () => {
    const element = mount();
    callsFor.emit([]);
    await flush();
    expect(all(element, 'call')).toEqual([]);
    expect(all(element, 'empty').map(text)).toEqual(['No Parley calls with this record yet.']);
  });

  it('shows the error Salesforce gave when the calls cannot be read', async () => {
    const element = mount();
    callsFor.error({ message: 'Insufficient access rights on cross-reference id' });
    await flush();
    expect(all(element, 'call')).toEqual([]);
    expect(all(element, 'empty')).toEqual([]);
    expect(all(element, 'error').map(text)).toEqual([
      'Parley calls could not be loaded: Insufficient access rights on cross-reference id',
    ]);
  });
});
