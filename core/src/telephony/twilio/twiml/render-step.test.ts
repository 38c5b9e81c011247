import { describe, expect, it } from 'vitest';
import type { PresenceStatus } from '../../../bus/bus.ts';
import { ScheduleSchema } from '../../../domain/hours/schedule.ts';
import { type RoutingPolicyInput, RoutingPolicySchema } from '../../../domain/routing-policy/policy.ts';
import type { E164 } from '../../../phone/e164.ts';
import {
  type GatherStep,
  nextPath,
  type Plan,
  pathsOf,
  planCall,
  ROOT_PATH,
  type Step,
  stepAt,
} from '../../../routing/index.ts';
import { memberIdentity } from '../webhooks/identity.ts';
import { afterDial } from './after-dial.ts';
import { renderStep, type StepContext } from './render-step.ts';
import { defaultVoicemailGreeting } from './speech.ts';
import { childrenNamed, readXml, type XmlElement } from './testing/read-xml.ts';
import { webhookUrls } from './urls.ts';

const BASE = 'https://parley.example.com';
const CALL = '3f2c9a1e-7b4d-4c8e-9f00-1a2b3c4d5e6f';
const ANA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';
const CHLOE = '00000000-0000-4000-8000-00000000000c';
const CALLER_ID = '+33698765432';
const PARTNER = '+14155552671' as E164;
const urls = webhookUrls(BASE);

const LEG_EVENTS = 'initiated ringing answered completed';

function context(overrides: Partial<StepContext> = {}): StepContext {
  return {
    base: BASE,
    callId: CALL,
    path: ROOT_PATH,
    callerId: CALLER_ID,
    record: false,
    language: 'en',
    ...overrides,
  };
}

/** The <Response> of the rendered step, checked to be the document's root. */
function render(step: Step, overrides: Partial<StepContext> = {}): XmlElement {
  const root = readXml(renderStep(context(overrides), step));
  expect(root.name).toBe('Response');
  return root;
}

function only(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  expect(found, `one <${name}> in <${element.name}>`).toHaveLength(1);
  return found[0]!;
}

function verbs(element: XmlElement): string[] {
  return element.children.map((child) => child.name);
}

/** The path carried by a webhook URL, after checking it is for this call. */
function pathOf(url: string | undefined): string {
  const parsed = new URL(url ?? '');
  expect(parsed.searchParams.get('call')).toBe(CALL);
  return parsed.searchParams.get('path') ?? '';
}

function plan(policy: RoutingPolicyInput, presence?: Record<string, PresenceStatus>): Plan {
  const day = { enabled: true, ranges: [{ start: '00:00', end: '24:00' }] };
  return planCall({
    policy: RoutingPolicySchema.parse(policy),
    schedule: ScheduleSchema.parse({
      timeZone: 'Europe/Paris',
      days: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      afterHours: { kind: 'voicemail' },
    }),
    instant: new Date('2026-03-02T10:00:00Z'),
    presence: presence ?? { [ANA]: 'online', [BEN]: 'online', [CHLOE]: 'online' },
    memberIds: [ANA, BEN, CHLOE],
    caller: '+33611111111',
  });
}

const IVR: RoutingPolicyInput = {
  strategy: 'ivr',
  greeting: { text: 'Tapez 1 pour le service commercial, # pour un message.', language: 'fr' },
  options: [
    { digit: '1', target: { kind: 'members', memberIds: [ANA, BEN], ringSeconds: 20 } },
    { digit: '#', target: { kind: 'voicemail' } },
    { digit: '*', target: { kind: 'forward', to: PARTNER } },
  ],
  timeoutSeconds: 8,
  maxRetries: 1,
  fallback: { kind: 'announcement', text: 'Au revoir.', language: 'fr' },
};

const RECEPTIONIST: RoutingPolicyInput = {
  strategy: 'ai_receptionist',
  greeting: { text: 'Hello, how can I help?', language: 'en' },
  intents: [
    {
      name: 'Sales',
      phrases: { en: ['sales', 'buy, now'], fr: ['ventes'] },
      target: { kind: 'member', memberId: ANA },
    },
    {
      name: 'Support',
      phrases: { en: ['support', 'sales'], fr: ['aide'] },
      target: { kind: 'member', memberId: BEN },
    },
  ],
  fallback: { kind: 'voicemail' },
};

function gatherAt(planned: Plan, path: string): GatherStep {
  const step = stepAt(planned, path);
  if (step?.kind !== 'gather') throw new Error(`expected a gather at ${path}, found ${step?.kind}`);
  return step;
}

describe('ring', () => {
  const ring: Step = {
    kind: 'ring',
    memberIds: [ANA, BEN],
    ringSeconds: 20,
    onNoAnswer: { kind: 'voicemail' },
  };

  it('dials with the ring time, ringback until bridged, the caller id and the dial action for its path', () => {
    const dial = only(render(ring, { path: '0.d1' }), 'Dial');
    expect(dial.attributes).toEqual({
      timeout: '20',
      answerOnBridge: 'true',
      action: urls.dial(CALL, '0.d1'),
      method: 'POST',
      callerId: CALLER_ID,
    });
  });

  it('rings each member as a client that claims the call on answer and reports every leg event', () => {
    const clients = childrenNamed(only(render(ring), 'Dial'), 'Client');
    expect(clients.map((client) => client.text)).toEqual([memberIdentity(ANA), memberIdentity(BEN)]);
    for (const [index, memberId] of [ANA, BEN].entries()) {
      expect(clients[index]!.attributes).toEqual({
        url: urls.answer(CALL, memberId),
        statusCallback: urls.leg(CALL, memberId),
        statusCallbackEvent: LEG_EVENTS,
      });
    }
  });

  it('records both channels from the answer when the call is recorded', () => {
    const dial = only(render(ring, { record: true }), 'Dial');
    expect(dial.attributes).toMatchObject({
      record: 'record-from-answer-dual',
      recordingStatusCallback: urls.recording(CALL),
      recordingStatusCallbackEvent: 'completed absent',
    });
  });

  it('renders every member even past the ten nouns Twilio documents for <Number>', () => {
    const many = Array.from(
      { length: 12 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    const dial = only(render({ ...ring, memberIds: many }), 'Dial');
    expect(childrenNamed(dial, 'Client').map((client) => client.text)).toEqual(many.map(memberIdentity));
  });
});

describe('say', () => {
  it('speaks the text in its language, then redirects to the next step of the plan', () => {
    const planned = plan(IVR);
    const path = `${ROOT_PATH}.o.o`;
    const step = stepAt(planned, path);
    expect(step?.kind).toBe('say');
    const response = render(step!, { path });
    expect(verbs(response)).toEqual(['Say', 'Redirect']);
    expect(only(response, 'Say')).toMatchObject({ attributes: { language: 'fr-FR' }, text: 'Au revoir.' });
    const redirect = only(response, 'Redirect');
    expect(redirect.attributes).toEqual({ method: 'POST' });
    expect(redirect.text).toBe(urls.step(CALL, nextPath(path)));
    expect(stepAt(planned, pathOf(redirect.text))).toEqual({ kind: 'hangup' });
  });

  it.each(['en', 'fr'] as const)('uses the Twilio locale of %s', (language) => {
    const response = render({ kind: 'say', text: 'x', language, next: { kind: 'hangup' } });
    expect(only(response, 'Say').attributes.language).toBe(language === 'fr' ? 'fr-FR' : 'en-US');
  });

  it('escapes markup, ampersands and quotes so the text reaches the caller unchanged', () => {
    const text = `Tom & Jerry's <b>"shop"</b> ]]> &amp;`;
    const xml = renderStep(context(), { kind: 'say', text, language: 'en', next: { kind: 'hangup' } });
    expect(xml).not.toContain('<b>');
    expect(only(readXml(xml), 'Say').text).toBe(text);
  });
});

describe('gather', () => {
  it('waits for one key with an empty finish key, posting even on silence to the gather action', () => {
    const step = gatherAt(plan(IVR), ROOT_PATH);
    const gather = only(render(step), 'Gather');
    expect(gather.attributes).toEqual({
      input: 'dtmf',
      action: urls.gather(CALL, ROOT_PATH),
      method: 'POST',
      actionOnEmptyResult: 'true',
      timeout: '8',
      language: 'fr-FR',
      finishOnKey: '',
      numDigits: '1',
    });
  });

  it('plays the prompt inside the gather, so a key pressed during it is taken', () => {
    const response = render(gatherAt(plan(IVR), ROOT_PATH));
    expect(verbs(response)).toEqual(['Gather']);
    const prompt = only(only(response, 'Gather'), 'Say');
    expect(prompt).toMatchObject({
      attributes: { language: 'fr-FR' },
      text: 'Tapez 1 pour le service commercial, # pour un message.',
    });
  });

  it('listens for speech with an automatic end and the intent phrases of its language as hints', () => {
    const step = gatherAt(plan(RECEPTIONIST), ROOT_PATH);
    const gather = only(render(step), 'Gather');
    expect(gather.attributes).toEqual({
      input: 'speech',
      action: urls.gather(CALL, ROOT_PATH),
      method: 'POST',
      actionOnEmptyResult: 'true',
      timeout: String(step.timeoutSeconds),
      language: 'en-US',
      finishOnKey: '',
      speechTimeout: 'auto',
      hints: 'sales, buy now, support',
    });
  });

  it('listens for keys and speech together when asked for both', () => {
    const step: GatherStep = {
      ...gatherAt(plan(RECEPTIONIST), ROOT_PATH),
      input: 'dtmf speech',
      numDigits: 1,
    };
    expect(only(render(step), 'Gather').attributes).toMatchObject({
      input: 'dtmf speech',
      numDigits: '1',
      speechTimeout: 'auto',
    });
  });

  it('keeps hints within 500 characters and leaves out phrases over 100', () => {
    const phrases = ['x'.repeat(101), ...Array.from({ length: 60 }, (_, index) => `phrase number ${index}`)];
    const step: GatherStep = {
      ...gatherAt(plan(RECEPTIONIST), ROOT_PATH),
      intents: [{ name: 'Many', phrases: { en: phrases, fr: [] }, next: { kind: 'hangup' } }],
    };
    const hints = only(render(step), 'Gather').attributes.hints ?? '';
    expect(hints.length).toBeLessThanOrEqual(500);
    expect(hints.length).toBeGreaterThan(400);
    expect(hints.startsWith('phrase number 0, phrase number 1,')).toBe(true);
    expect(hints).not.toContain('xxx');
  });

  it('gives no hints when no intent has a phrase in the language listened for', () => {
    const step: GatherStep = {
      ...gatherAt(plan(RECEPTIONIST), ROOT_PATH),
      language: 'fr',
      intents: [{ name: 'Only English', phrases: { en: ['sales'], fr: [] }, next: { kind: 'hangup' } }],
    };
    expect(only(render(step), 'Gather').attributes).not.toHaveProperty('hints');
  });

  it('says the notice of an unmatched answer before the step it leads to', () => {
    const step = gatherAt(plan(IVR), `${ROOT_PATH}.o`);
    const notice = { text: "Ce choix n'est pas valide.", language: 'fr' as const };
    const response = render(step, { path: `${ROOT_PATH}.o`, notice });
    expect(verbs(response)).toEqual(['Say', 'Gather']);
    expect(response.children[0]).toMatchObject({ attributes: { language: 'fr-FR' }, text: notice.text });
  });
});

describe('forward', () => {
  const forward: Step = { kind: 'forward', to: PARTNER, ringSeconds: 30, onNoAnswer: { kind: 'voicemail' } };

  it('dials the number with ringback until bridged, reporting its leg as the forward leg', () => {
    const dial = only(render(forward, { path: '0.ds' }), 'Dial');
    expect(dial.attributes).toEqual({
      timeout: '30',
      answerOnBridge: 'true',
      action: urls.dial(CALL, '0.ds'),
      method: 'POST',
      callerId: CALLER_ID,
    });
    const number = only(dial, 'Number');
    expect(number.text).toBe(PARTNER);
    expect(number.attributes).toEqual({
      statusCallback: urls.leg(CALL, 'forward'),
      statusCallbackEvent: LEG_EVENTS,
    });
  });

  it('records the forwarded call when the call is recorded', () => {
    expect(only(render(forward, { record: true }), 'Dial').attributes).toMatchObject({
      record: 'record-from-answer-dual',
      recordingStatusCallback: urls.recording(CALL),
      recordingStatusCallbackEvent: 'completed absent',
    });
  });
});

describe('voicemail', () => {
  it('records up to two minutes after the beep, transcribed, with every callback for this call', () => {
    const response = render({ kind: 'voicemail' });
    expect(verbs(response)).toEqual(['Say', 'Record']);
    expect(only(response, 'Record').attributes).toEqual({
      maxLength: '120',
      playBeep: 'true',
      finishOnKey: '#',
      action: urls.voicemail(CALL),
      transcribe: 'true',
      transcribeCallback: urls.transcription(CALL),
      recordingStatusCallback: urls.recording(CALL),
      recordingStatusCallbackEvent: 'completed absent',
    });
  });

  it.each([
    [
      'fr',
      'fr-FR',
      'Bonjour, nous ne pouvons pas vous répondre pour le moment. Laissez un message après le bip.',
    ],
    ['en', 'en-US', "Hello, we can't take your call right now. Please leave a message after the tone."],
  ] as const)('greets in the account language %s when the step has no greeting', (language, locale, text) => {
    expect(defaultVoicemailGreeting(language)).toEqual({ text, language });
    const greeting = only(render({ kind: 'voicemail' }, { language }), 'Say');
    expect(greeting).toMatchObject({ attributes: { language: locale }, text });
  });

  it("says the step's own greeting in its language", () => {
    const response = render({
      kind: 'voicemail',
      greeting: { text: 'Laissez-nous un mot.', language: 'fr' },
    });
    expect(only(response, 'Say')).toMatchObject({
      attributes: { language: 'fr-FR' },
      text: 'Laissez-nous un mot.',
    });
  });
});

describe('hangup', () => {
  it('hangs up and does nothing else', () => {
    const response = render({ kind: 'hangup' });
    expect(verbs(response)).toEqual(['Hangup']);
    expect(only(response, 'Hangup')).toEqual({ name: 'Hangup', attributes: {}, children: [], text: '' });
  });
});

describe('paths in rendered URLs', () => {
  it('lead, for every step of a plan, back to the step itself (actions) or to its child (redirects)', () => {
    for (const planned of [plan(IVR), plan(RECEPTIONIST)]) {
      for (const path of pathsOf(planned)) {
        const step = stepAt(planned, path)!;
        const response = render(step, { path });
        for (const verb of [...childrenNamed(response, 'Dial'), ...childrenNamed(response, 'Gather')]) {
          expect(stepAt(planned, pathOf(verb.attributes.action))).toBe(step);
        }
        for (const redirect of childrenNamed(response, 'Redirect')) {
          expect(step.kind).toBe('say');
          expect(stepAt(planned, pathOf(redirect.text))).toBe(step.kind === 'say' ? step.next : undefined);
        }
      }
    }
  });

  it('take an unanswered cascade from the first member to the second through the dial action', () => {
    const planned = plan({
      strategy: 'cascade',
      steps: [
        { memberId: ANA, ringSeconds: 10 },
        { memberId: BEN, ringSeconds: 15 },
      ],
      fallback: { kind: 'voicemail' },
    });
    const first = only(render(planned.root), 'Dial');
    expect(childrenNamed(first, 'Client').map((client) => client.text)).toEqual([memberIdentity(ANA)]);

    const dialPath = pathOf(first.attributes.action);
    const ring = stepAt(planned, dialPath);
    if (ring?.kind !== 'ring') throw new Error(`expected a ring at ${dialPath}`);
    const next = afterDial(dialPath, ring, 'no-answer');
    if (next.kind !== 'continue') throw new Error('an unanswered ring must continue');
    expect(stepAt(planned, next.path)).toBe(next.step);

    const second = only(render(next.step, { path: next.path }), 'Dial');
    expect(second.attributes).toMatchObject({ timeout: '15', action: urls.dial(CALL, next.path) });
    expect(childrenNamed(second, 'Client').map((client) => client.text)).toEqual([memberIdentity(BEN)]);
  });
});
