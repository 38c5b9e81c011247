import { describe, expect, it } from 'vitest';
import { parsePocketsphinxTimings } from './pocketsphinx-output.ts';

// Recorded from `pocketsphinx_continuous -infile … -time yes` (Debian 0.8+5prealpha) on espeak-ng speech.
const RECORDED = `what are you
<s> 1.900 2.050 0.999700
what 2.060 2.250 0.086278
are 2.260 2.630 0.131475
you 2.640 2.790 0.178262
</s> 2.800 3.260 1.000000
the utah
<s> 3.230 3.390 0.999700
the(2) 3.400 3.610 0.876065
<sil> 3.620 3.980 0.927643
[NOISE] 3.981 3.985 0.500000
utah 3.990 4.410 0.106815
</s> 4.420 5.100 1.000000
oh lordy
<s> 7.120 7.270 0.999400
oh 7.280 7.400 0.396568
<sil> 7.410 8.560 0.997104
lordy 8.570 8.980 0.443173
</s> 8.990 9.480 1.000000
`;

describe('Pocketsphinx word timings', () => {
  it('makes one segment per utterance, from its first word to its last, without markers or alternates', () => {
    expect(parsePocketsphinxTimings(RECORDED).slice(0, 2)).toEqual([
      { start: 2.06, end: 2.79, text: 'what are you' },
      { start: 3.4, end: 4.41, text: 'the utah' },
    ]);
  });

  it('splits an utterance at a pause of a second or more', () => {
    expect(parsePocketsphinxTimings(RECORDED).slice(2)).toEqual([
      { start: 7.28, end: 7.4, text: 'oh' },
      { start: 8.57, end: 8.98, text: 'lordy' },
    ]);
  });

  it('finds nothing in silence', () => {
    expect(parsePocketsphinxTimings('\n<s> 0.000 0.500 1.000000\n</s> 0.510 0.900 1.000000\n')).toEqual([]);
  });
});
