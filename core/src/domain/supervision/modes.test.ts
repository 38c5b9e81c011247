import { describe, expect, it } from 'vitest';
import { conferenceName, modeOf, participantSettings, SUPERVISION_MODES } from './modes.ts';

const REP = `CA${'1'.repeat(32)}`;

describe('supervision modes as conference participant settings', () => {
  it('listens muted, whispers as the rep’s coach, barges in unmuted without coaching', () => {
    expect(participantSettings('listen', REP)).toEqual({ muted: true, coach: null });
    expect(participantSettings('whisper', REP)).toEqual({ muted: false, coach: REP });
    expect(participantSettings('barge', REP)).toEqual({ muted: false, coach: null });
  });

  it('reads back the mode of every setting it gives', () => {
    for (const mode of SUPERVISION_MODES) expect(modeOf(participantSettings(mode, REP))).toBe(mode);
  });

  it('names one conference per call', () => {
    expect(conferenceName('0b6e')).toBe('parley-0b6e');
  });
});
