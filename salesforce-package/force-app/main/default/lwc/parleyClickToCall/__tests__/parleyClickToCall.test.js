import PARLEY_SOFTPHONE from '@salesforce/messageChannel/Parley_Softphone__c';
import ParleyClickToCall from 'c/parleyClickToCall';
import { publish } from 'lightning/messageService';
import { getRecord } from 'lightning/uiRecordApi';
import { createElement } from 'lwc';

const LEAD_ID = '00Q000000000001AAA';

/** A getRecord answer (UI API record shape) for a Lead with these phone fields. */
const lead = (fields) => ({
  apiName: 'Lead',
  id: LEAD_ID,
  fields: Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, { value, displayValue: null }]),
  ),
});

function mount(objectApiName = 'Lead') {
  const element = createElement('c-parley-click-to-call', { is: ParleyClickToCall });
  element.recordId = LEAD_ID;
  element.objectApiName = objectApiName;
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();
const buttons = (element) => [...element.shadowRoot.querySelectorAll('lightning-button')];
const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

describe('c-parley-click-to-call', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('reads the phone fields of the record’s own object', async () => {
    mount('Lead');
    await flush();
    const { recordId, fields } = getRecord.getLastConfig();
    expect(recordId).toBe(LEAD_ID);
    expect(fields.map((f) => `${f.objectApiName}.${f.fieldApiName}`)).toEqual([
      'Lead.Phone',
      'Lead.MobilePhone',
    ]);
  });

  it('offers one button per distinct number', async () => {
    const element = mount();
    getRecord.emit(lead({ Phone: '+33 1 23 45 67 89', MobilePhone: '+33 6 12 34 56 78' }));
    await flush();
    expect(buttons(element).map((b) => b.label)).toEqual([
      'Call +33 1 23 45 67 89 with Parley',
      'Call +33 6 12 34 56 78 with Parley',
    ]);
    getRecord.emit(lead({ Phone: '0612345678', MobilePhone: '0612345678' }));
    await flush();
    expect(buttons(element)).toHaveLength(1);
  });

  it('sends the number and the record to the softphone over the Parley message channel', async () => {
    const element = mount();
    getRecord.emit(lead({ Phone: null, MobilePhone: '+33 6 12 34 56 78' }));
    await flush();
    buttons(element)[0].click();
    await flush();
    expect(publish).toHaveBeenCalledTimes(1);
    const [, channel, message] = publish.mock.calls[0];
    expect(channel).toBe(PARLEY_SOFTPHONE);
    expect(message).toEqual({ type: 'parley.dial', number: '+33 6 12 34 56 78', recordId: LEAD_ID });
    expect(byId(element, 'sent').textContent).toBe('Parley is calling +33 6 12 34 56 78.');
  });

  it('says when the record has no number to call, and offers no button', async () => {
    const element = mount();
    getRecord.emit(lead({ Phone: null, MobilePhone: null }));
    await flush();
    expect(buttons(element)).toEqual([]);
    expect(byId(element, 'no-number').textContent).toBe('No phone number to call on this record.');
    expect(publish).not.toHaveBeenCalled();
  });

  it('shows the error when the record cannot be read', async () => {
    const element = mount();
    getRecord.error({ message: 'The requested resource does not exist' });
    await flush();
    expect(buttons(element)).toEqual([]);
    expect(byId(element, 'error').textContent).toBe(
      'Parley calls could not be loaded: The requested resource does not exist',
    );
  });
});
