import { describe, expect, it } from 'vitest';
import type { E164 } from '../../../phone/e164.ts';
import type { ForwardStep, RingStep } from '../../../routing/index.ts';
import { afterDial } from './after-dial.ts';

const RING: RingStep = {
  kind: 'ring',
  memberIds: ['00000000-0000-4000-8000-00000000000a'],
  ringSeconds: 20,
  onNoAnswer: { kind: 'voicemail' },
};
const FORWARD: ForwardStep = {
  kind: 'forward',
  to: '+14155552671' as E164,
  ringSeconds: 30,
  onNoAnswer: { kind: 'hangup' },
};

describe('afterDial', () => {
  it.each(['completed', 'answered'])('ends the plan when the dial status is %s', (status) => {
    expect(afterDial('0.d1', RING, status)).toEqual({ kind: 'done' });
    expect(afterDial('0', FORWARD, status)).toEqual({ kind: 'done' });
  });

  it.each(['no-answer', 'busy', 'failed', 'canceled'])(
    'continues at the no-answer step when the dial status is %s',
    (status) => {
      expect(afterDial('0.d1', RING, status)).toEqual({
        kind: 'continue',
        path: '0.d1.n',
        step: RING.onNoAnswer,
      });
      expect(afterDial('0', FORWARD, status)).toEqual({
        kind: 'continue',
        path: '0.n',
        step: FORWARD.onNoAnswer,
      });
    },
  );

  it('continues when a leg answered but was never bridged to the caller', () => {
    expect(afterDial('0', RING, 'completed', false)).toEqual({
      kind: 'continue',
      path: '0.n',
      step: RING.onNoAnswer,
    });
  });

  it('ends the plan when Twilio reports the caller bridged', () => {
    expect(afterDial('0', RING, 'completed', true)).toEqual({ kind: 'done' });
  });
});
