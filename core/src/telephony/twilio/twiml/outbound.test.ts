import { describe, expect, it } from 'vitest';
import type { E164 } from '../../../phone/e164.ts';
import { renderEmpty, renderHangup, renderOutboundDial, renderSay } from './outbound.ts';
import { childrenNamed, readXml, type XmlElement } from './testing/read-xml.ts';
import { CUSTOMER_LEG, OUTBOUND_PATH, webhookUrls } from './urls.ts';

const BASE = 'https://parley.example.com';
const CALL = '3f2c9a1e-7b4d-4c8e-9f00-1a2b3c4d5e6f';
const ACCOUNT_NUMBER = '+33180000000';
const CUSTOMER = '+14155552671' as E164;
const urls = webhookUrls(BASE);

function response(xml: string): XmlElement {
  const root = readXml(xml);
  expect(root.name).toBe('Response');
  return root;
}

function only(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('renderOutboundDial', () => {
  const ctx = { base: BASE, callId: CALL, callerId: ACCOUNT_NUMBER, to: CUSTOMER, record: false };

  it("dials the customer from the account's number, reporting the dial's end under the outbound path", () => {
    const root = response(renderOutboundDial(ctx));
    expect(root.children.map((child) => child.name)).toEqual(['Dial']);
    const dial = only(root, 'Dial');
    expect(dial.attributes).toEqual({
      action: urls.dial(CALL, OUTBOUND_PATH),
      method: 'POST',
      answerOnBridge: 'true',
      callerId: ACCOUNT_NUMBER,
    });
    const number = only(dial, 'Number');
    expect(number.text).toBe(CUSTOMER);
    expect(number.attributes).toEqual({
      statusCallback: urls.leg(CALL, CUSTOMER_LEG),
      statusCallbackEvent: 'initiated ringing answered completed',
    });
  });

  it('records both channels from the answer when the call is recorded', () => {
    const dial = only(response(renderOutboundDial({ ...ctx, record: true })), 'Dial');
    expect(dial.attributes).toMatchObject({
      record: 'record-from-answer-dual',
      recordingStatusCallback: urls.recording(CALL),
      recordingStatusCallbackEvent: 'completed absent',
    });
  });
});

describe('short responses', () => {
  it('hangs up', () => {
    expect(response(renderHangup()).children).toEqual([
      { name: 'Hangup', attributes: {}, children: [], text: '' },
    ]);
  });

  it('answers nothing, which bridges the member who won the answer claim', () => {
    expect(response(renderEmpty())).toEqual({ name: 'Response', attributes: {}, children: [], text: '' });
  });

  it('tells the caller why the call ends, in their language, then hangs up', () => {
    const root = response(renderSay("Ce numéro n'est pas attribué & <inactif>.", 'fr'));
    expect(root.children.map((child) => child.name)).toEqual(['Say', 'Hangup']);
    expect(only(root, 'Say')).toMatchObject({
      attributes: { language: 'fr-FR' },
      text: "Ce numéro n'est pas attribué & <inactif>.",
    });
  });
});
