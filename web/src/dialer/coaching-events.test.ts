import { describe, expect, it } from 'vitest';
import { parseCoachingEvent } from './coaching-events.ts';

describe('coaching and supervision events in the dialer', () => {
  it('reads a new comment and a change of supervision', () => {
    expect(parseCoachingEvent('{"type":"coaching_comment","callId":"c1","excerpt":"x"}')).toEqual({
      type: 'coaching_comment',
      callId: 'c1',
    });
    expect(parseCoachingEvent('{"type":"being_supervised","callId":"c1","mode":"whisper"}')).toEqual({
      type: 'being_supervised',
      callId: 'c1',
      mode: 'whisper',
    });
  });

  it('reads the supervisor leaving as no mode, and ignores what it does not know', () => {
    expect(parseCoachingEvent('{"type":"being_supervised","callId":"c1","mode":null}')).toMatchObject({
      mode: null,
    });
    expect(parseCoachingEvent('{"type":"being_supervised","callId":"c1","mode":"shout"}')).toMatchObject({
      mode: null,
    });
    expect(parseCoachingEvent('{"type":"other","callId":"c1"}')).toBeNull();
    expect(parseCoachingEvent('not json')).toBeNull();
  });
});
