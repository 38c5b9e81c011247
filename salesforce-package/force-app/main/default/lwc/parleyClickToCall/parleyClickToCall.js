import CALL_NUMBER from '@salesforce/label/c.Parley_Call_Number';
import DIAL_SENT from '@salesforce/label/c.Parley_Dial_Sent';
import LOAD_ERROR from '@salesforce/label/c.Parley_Load_Error';
import NO_NUMBER from '@salesforce/label/c.Parley_No_Number';
import PARLEY_SOFTPHONE from '@salesforce/messageChannel/Parley_Softphone__c';
import ACCOUNT_PHONE from '@salesforce/schema/Account.Phone';
import CONTACT_MOBILE from '@salesforce/schema/Contact.MobilePhone';
import CONTACT_PHONE from '@salesforce/schema/Contact.Phone';
import LEAD_MOBILE from '@salesforce/schema/Lead.MobilePhone';
import LEAD_PHONE from '@salesforce/schema/Lead.Phone';
import { MessageContext, publish } from 'lightning/messageService';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import { api, LightningElement, wire } from 'lwc';

const PHONE_FIELDS = {
  Account: [ACCOUNT_PHONE],
  Contact: [CONTACT_PHONE, CONTACT_MOBILE],
  Lead: [LEAD_PHONE, LEAD_MOBILE],
};

/** Custom labels hold `{0}` where a value goes. */
function format(label, value) {
  return label.replace('{0}', value);
}

/**
 * One button per phone number of the record: a click asks the Parley softphone (the Open CTI
 * utility item) to dial it, over the Parley_Softphone message channel the softphone subscribes to.
 */
export default class ParleyClickToCall extends LightningElement {
  @api recordId;
  @api objectApiName;
  fields = [];
  sent;

  @wire(MessageContext) messageContext;

  @wire(getRecord, { recordId: '$recordId', fields: '$fields' }) record;

  connectedCallback() {
    this.fields = PHONE_FIELDS[this.objectApiName] ?? [];
  }

  get numbers() {
    const data = this.record?.data;
    if (!data) return [];
    const values = this.fields.map((field) => getFieldValue(data, field)).filter((value) => Boolean(value));
    return [...new Set(values)].map((number) => ({ number, label: format(CALL_NUMBER, number) }));
  }

  get hasNumbers() {
    return this.numbers.length > 0;
  }

  get error() {
    const error = this.record?.error;
    return error ? `${LOAD_ERROR} ${error.body?.message ?? error.message ?? ''}`.trim() : undefined;
  }

  get noNumber() {
    return this.record?.data && !this.hasNumbers ? NO_NUMBER : undefined;
  }

  handleCall(event) {
    const { number } = event.currentTarget.dataset;
    publish(this.messageContext, PARLEY_SOFTPHONE, { type: 'parley.dial', number, recordId: this.recordId });
    this.sent = format(DIAL_SENT, number);
  }
}
