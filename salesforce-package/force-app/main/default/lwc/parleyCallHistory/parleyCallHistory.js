import callsFor from '@salesforce/apex/ParleyCallHistoryController.callsFor';
import TITLE from '@salesforce/label/c.Parley_Calls_Title';
import INBOUND from '@salesforce/label/c.Parley_Inbound';
import LOAD_ERROR from '@salesforce/label/c.Parley_Load_Error';
import NO_CALLS from '@salesforce/label/c.Parley_No_Calls';
import NOTES from '@salesforce/label/c.Parley_Notes';
import OUTBOUND from '@salesforce/label/c.Parley_Outbound';
import RECORDING from '@salesforce/label/c.Parley_Recording';
import SUMMARY from '@salesforce/label/c.Parley_Summary';
import { api, LightningElement, wire } from 'lwc';

/** 125 seconds → "2:05". */
export function formatDuration(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** An Apex or wire error as one readable line (the body is an object, or a list for some UI API errors). */
export function messageOf(error) {
  const body = error?.body;
  if (Array.isArray(body)) return body.map((item) => item.message).join(', ');
  return body?.message ?? error?.message ?? String(error);
}

/** A Task Parley wrote (connectors/salesforce) as the card shows it. */
function toCall(task) {
  return {
    id: task.Id,
    direction: task.CallType === 'Inbound' ? INBOUND : OUTBOUND,
    icon: task.CallType === 'Inbound' ? 'utility:incoming_call' : 'utility:outbound_call',
    when: task.CreatedDate,
    duration: formatDuration(task.CallDurationInSeconds),
    result: task.CallDisposition,
    member: task.Owner?.Name,
    summary: task.Parley_Summary__c,
    notes: task.Description,
    recordingUrl: task.Parley_Recording_Url__c,
  };
}

/** Parley's calls with the Contact, Lead or Account on whose page it sits, newest first. */
export default class ParleyCallHistory extends LightningElement {
  @api recordId;
  calls;
  error;
  labels = {
    title: TITLE,
    noCalls: NO_CALLS,
    loadError: LOAD_ERROR,
    summary: SUMMARY,
    notes: NOTES,
    recording: RECORDING,
  };

  @wire(callsFor, { recordId: '$recordId' })
  wiredCalls({ data, error }) {
    if (data) {
      this.calls = data.map(toCall);
      this.error = undefined;
    } else if (error) {
      this.calls = undefined;
      this.error = messageOf(error);
    }
  }

  get isEmpty() {
    return Array.isArray(this.calls) && this.calls.length === 0;
  }

  get hasCalls() {
    return Array.isArray(this.calls) && this.calls.length > 0;
  }
}
