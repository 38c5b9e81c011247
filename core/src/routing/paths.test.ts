import { describe, expect, it } from 'vitest';
import { afterGather, childrenOf, nextPath, pathsOf, ROOT_PATH, stepAt } from './paths.ts';
import type { GatherStep, Plan, Step } from './plan.ts';

const VOICEMAIL: Step = { kind: 'voicemail' };
const HANGUP: Step = { kind: 'hangup' };
const ring = (memberId: string, onNoAnswer: Step): Step => ({
  kind: 'ring',
  memberIds: [memberId],
  ringSeconds: 15,
  onNoAnswer,
});

const notice = { text: 'That choice is not valid.', language: 'en' } as const;
const retry: GatherStep = {
  kind: 'gather',
  input: 'dtmf speech',
  prompt: { text: 'Press 1 or say sales.', language: 'en' },
  language: 'en',
  timeoutSeconds: 5,
  numDigits: 1,
  digits: { '1': ring('ana', VOICEMAIL) },
  intents: [{ name: 'Sales', phrases: { fr: [], en: ['sales'] }, next: ring('ana', VOICEMAIL) }],
  noMatchNotice: notice,
  otherwise: HANGUP,
};
const menu: GatherStep = {
  ...retry,
  digits: { '#': VOICEMAIL, '1': ring('ana', ring('ben', VOICEMAIL)), '*': HANGUP },
  intents: [
    { name: 'Sales', phrases: { fr: [], en: ['sales'] }, next: ring('ana', VOICEMAIL) },
    { name: 'Support', phrases: { fr: [], en: ['support'] }, next: HANGUP },
  ],
  otherwise: retry,
};
const plan: Plan = { afterHours: false, root: { kind: 'say', text: 'Welcome.', language: 'en', next: menu } };

describe('stepAt', () => {
  it.each<[string, Step]>([
    ['0', plan.root],
    ['0.n', menu],
    ['0.n.d1', ring('ana', ring('ben', VOICEMAIL))],
    ['0.n.d1.n', ring('ben', VOICEMAIL)],
    ['0.n.d1.n.n', VOICEMAIL],
    ['0.n.ds', HANGUP],
    ['0.n.dh', VOICEMAIL],
    ['0.n.i1', HANGUP],
    ['0.n.o', retry],
    ['0.n.o.o', HANGUP],
  ])('finds the step at %s', (path, step) => {
    expect(stepAt(plan, path)).toEqual(step);
  });

  it.each([
    '',
    '1',
    '0.',
    '.0',
    '0.x',
    '0.n.d2',
    '0.n.d#',
    '0.n.i2',
    '0.n.d1.n.n.n',
    '0..n',
    '0.n.constructor',
  ])('finds nothing at %j', (path) => {
    expect(stepAt(plan, path)).toBeUndefined();
  });
});

describe('pathsOf', () => {
  it('lists every step, parents first, children in edge order', () => {
    expect(pathsOf(plan)).toEqual([
      '0',
      '0.n',
      '0.n.d1',
      '0.n.d1.n',
      '0.n.d1.n.n',
      '0.n.ds',
      '0.n.dh',
      '0.n.i0',
      '0.n.i0.n',
      '0.n.i1',
      '0.n.o',
      '0.n.o.d1',
      '0.n.o.d1.n',
      '0.n.o.i0',
      '0.n.o.i0.n',
      '0.n.o.o',
    ]);
  });

  it('lists only the root of a one-step plan', () => {
    expect(pathsOf({ afterHours: true, root: VOICEMAIL })).toEqual([ROOT_PATH]);
    expect(childrenOf(VOICEMAIL)).toEqual([]);
  });
});

describe('nextPath', () => {
  it('follows the continuation edge', () => {
    expect(stepAt(plan, nextPath('0.n.d1'))).toEqual(ring('ben', VOICEMAIL));
  });
});

describe('afterGather', () => {
  it.each([
    ['a listed key', { kind: 'digits', digits: '1' }, { path: '0.n.d1' }],
    ['the star key', { kind: 'digits', digits: '*' }, { path: '0.n.ds' }],
    ['the hash key', { kind: 'digits', digits: '#' }, { path: '0.n.dh' }],
    ['an unlisted key, after the notice', { kind: 'digits', digits: '5' }, { path: '0.n.o', notice }],
    ['several keys, after the notice', { kind: 'digits', digits: '11' }, { path: '0.n.o', notice }],
    ['a matched intent', { kind: 'intent', name: 'Support' }, { path: '0.n.i1' }],
    ['unmatched speech, after the notice', { kind: 'intent', name: null }, { path: '0.n.o', notice }],
    [
      'an intent the menu lacks, after the notice',
      { kind: 'intent', name: 'Jobs' },
      { path: '0.n.o', notice },
    ],
    ['no input, without a notice', { kind: 'none' }, { path: '0.n.o' }],
  ] as const)('continues after %s', (_, answer, expected) => {
    expect(afterGather('0.n', menu, answer)).toEqual(expected);
  });

  it('says nothing before continuing when the gather has no notice', () => {
    const { noMatchNotice: _, ...quiet } = menu;
    expect(afterGather('0', quiet, { kind: 'digits', digits: '5' })).toEqual({ path: '0.o' });
  });
});
