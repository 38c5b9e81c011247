import type { DialerT } from './texts.ts';
import type { CallResult } from './types.ts';

/** A call's result in words; a call with no result yet is still in progress. */
export function resultText(t: DialerT, result: CallResult | null | undefined): string {
  return t(result ? `result.${result}` : 'result.live');
}
