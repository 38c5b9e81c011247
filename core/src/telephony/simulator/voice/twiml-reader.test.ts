import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { CarrierError } from '../../errors.ts';
import { readTwiml, type TwimlElement } from './twiml-reader.ts';

/** The tree without empty fields, for readable expectations. */
function shape(element: TwimlElement): unknown {
  return {
    name: element.name,
    ...(Object.keys(element.attributes).length ? { attributes: { ...element.attributes } } : {}),
    ...(element.text ? { text: element.text } : {}),
    ...(element.children.length ? { children: element.children.map(shape) } : {}),
  };
}

function failure(xml: string): string {
  try {
    readTwiml(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(CarrierError);
    expect(error).toMatchObject({ kind: 'invalid' });
    return (error as Error).message;
  }
  throw new Error(`readTwiml accepted ${xml}`);
}

describe('readTwiml on well-formed TwiML', () => {
  it('reads what twilio.twiml.VoiceResponse writes, the way the server builds TwiML', () => {
    const response = new twilio.twiml.VoiceResponse();
    response.say({ language: 'fr-FR', voice: 'Polly.Lea' }, "Bonjour & bienvenue chez <Parley>, l'équipe");
    const gather = response.gather({
      input: ['dtmf', 'speech'],
      action: '/gather?call=1&path=0',
      numDigits: 1,
    });
    gather.say('Press 1 for "sales"');
    gather.pause({ length: 2 });
    const dial = response.dial({ action: '/dial?call=1&path=r', answerOnBridge: true, timeout: 20 });
    dial.client({ url: '/answer?call=1&member=a', statusCallbackEvent: ['initiated', 'ringing'] }, 'm_a');
    dial.number('+33612345678');
    response.record({ transcribe: true, maxLength: 120 });
    response.redirect('/step?call=1&path=2');
    response.hangup();

    expect(shape(readTwiml(response.toString()))).toEqual({
      name: 'Response',
      children: [
        {
          name: 'Say',
          attributes: { language: 'fr-FR', voice: 'Polly.Lea' },
          text: "Bonjour & bienvenue chez <Parley>, l'équipe",
        },
        {
          name: 'Gather',
          attributes: { input: 'dtmf speech', action: '/gather?call=1&path=0', numDigits: '1' },
          children: [
            { name: 'Say', text: 'Press 1 for "sales"' },
            { name: 'Pause', attributes: { length: '2' } },
          ],
        },
        {
          name: 'Dial',
          attributes: { action: '/dial?call=1&path=r', answerOnBridge: 'true', timeout: '20' },
          children: [
            {
              name: 'Client',
              attributes: { url: '/answer?call=1&member=a', statusCallbackEvent: 'initiated ringing' },
              text: 'm_a',
            },
            { name: 'Number', text: '+33612345678' },
          ],
        },
        { name: 'Record', attributes: { transcribe: 'true', maxLength: '120' } },
        { name: 'Redirect', text: '/step?call=1&path=2' },
        { name: 'Hangup' },
      ],
    });
  });

  it('decodes the five entities and decimal and hex character references in text and attributes', () => {
    const twiml = readTwiml(
      `<Response><Say language='fr&#45;FR'>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233;t&#xE9; &#x1F600;</Say></Response>`,
    );
    expect(twiml.children[0]).toMatchObject({
      attributes: { language: 'fr-FR' },
      text: `<a> & "b" 'c' été 😀`,
    });
  });

  it('takes self-closing tags, comments, CDATA, a BOM and whitespace around the root', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!-- rendered by Parley -->
<Response>
  <!-- greeting -->
  <Say><![CDATA[Tom & Jerry <3]]></Say>
  <Pause length="1"/>
  <Hangup />
</Response>
<!-- end -->
`;
    expect(shape(readTwiml(xml))).toEqual({
      name: 'Response',
      children: [
        { name: 'Say', text: 'Tom & Jerry <3' },
        { name: 'Pause', attributes: { length: '1' } },
        { name: 'Hangup' },
      ],
    });
  });

  it('reads an empty <Response/>, the answer hook that lets a leg be bridged', () => {
    expect(shape(readTwiml('<Response/>'))).toEqual({ name: 'Response' });
    expect(shape(readTwiml('<Response></Response>'))).toEqual({ name: 'Response' });
  });

  it('reads the short form of Dial, a number as its text', () => {
    expect(
      shape(readTwiml('<Response><Dial callerId="+15550001111">+15552223333</Dial></Response>')),
    ).toEqual({
      name: 'Response',
      children: [{ name: 'Dial', attributes: { callerId: '+15550001111' }, text: '+15552223333' }],
    });
  });

  it('turns literal line breaks and tabs in attribute values into spaces, as XML does', () => {
    const twiml = readTwiml('<Response><Gather input="dtmf\n\tspeech"/></Response>');
    expect(twiml.children[0]?.attributes.input).toBe('dtmf  speech');
  });

  it('keeps an attribute named __proto__ as data', () => {
    const twiml = readTwiml('<Response><Hangup __proto__="x"/></Response>');
    const attributes = twiml.children[0]?.attributes ?? {};
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
  });
});

describe('readTwiml on malformed XML', () => {
  const cases: [string, string, RegExp][] = [
    ['an empty document', '', /document is empty/],
    ['text that is not XML', 'OK', /line 1, column 1\): text before the root element/],
    ['an unclosed element', '<Response><Say>Hi</Response>', /<\/Response> closes <Say>/],
    ['a root never closed', '<Response><Hangup/>', /<Response> is never closed/],
    ['a second root', '<Response/><Response/>', /content after the root element/],
    ['a bare ampersand', '<Response><Say>Tom & Jerry</Say></Response>', /never closed with ";"/],
    ['an unknown entity', '<Response><Say>&eacute;</Say></Response>', /unknown entity &eacute;/],
    ['a character reference XML forbids', '<Response><Say>&#0;</Say></Response>', /&#0; is not a character/],
    ['an unquoted attribute', '<Response><Pause length=2/></Response>', /must be in quotes/],
    [
      'a duplicate attribute',
      '<Response><Pause length="1" length="2"/></Response>',
      /"length" appears twice/,
    ],
    ['attributes without space between', '<Response><Pause a="1"b="2"/></Response>', /expected whitespace/],
    ['"<" inside an attribute', '<Response><Redirect a="<"/></Response>', /write &lt;/],
    ['a DOCTYPE', '<!DOCTYPE html><Response/>', /DOCTYPE is not allowed/],
    ['a comment never closed', '<Response><!-- oops</Response>', /comment is never closed/],
  ];
  for (const [what, xml, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(failure(xml)).toMatch(message);
    });
  }

  it('says on which line and column the error is', () => {
    expect(failure('<Response>\n  <Say>a &b</Say>\n</Response>')).toMatch(/line 2, column 10/);
  });
});

describe('readTwiml on TwiML the simulator cannot play', () => {
  const cases: [string, string, RegExp][] = [
    ['a root other than Response', '<html><body/></html>', /root element is <html>/],
    [
      'an unknown verb',
      '<Response><Enqueue>support</Enqueue></Response>',
      /<Enqueue> is not allowed inside <Response>/,
    ],
    [
      'a noun outside Dial',
      '<Response><Client>m_a</Client></Response>',
      /<Client> is not allowed inside <Response>/,
    ],
    [
      'a verb nested in Say',
      '<Response><Say>Hi <Pause/></Say></Response>',
      /inside <Say>: it holds no elements/,
    ],
    [
      'a Dial inside Gather',
      '<Response><Gather><Dial>+1555</Dial></Gather></Response>',
      /<Dial> is not allowed inside <Gather>/,
    ],
    ['text in Response', '<Response>Hello</Response>', /<Response> holds no text/],
    ['a Redirect without URL', '<Response><Redirect/></Response>', /<Redirect> needs text/],
    ['an empty Client', '<Response><Dial><Client/></Dial></Response>', /<Client> needs text/],
    ['a Dial with both forms', '<Response><Dial>+1555<Number>+1666</Number></Dial></Response>', /not both/],
    [
      'a Sip noun',
      '<Response><Dial><Sip>sip:a@b</Sip></Dial></Response>',
      /<Sip> is not allowed inside <Dial>/,
    ],
  ];
  for (const [what, xml, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(failure(xml)).toMatch(message);
    });
  }
});
