import type { CallSession, VerbOutcome } from './call-session.ts';
import { describePrompt, listAttribute, secondsAttribute, urlAttribute } from './twiml-attributes.ts';
import type { TwimlElement } from './twiml-reader.ts';

// Twilio reports a confidence with every speech result; the server may threshold on it.
const SPEECH_CONFIDENCE = '0.92';
const SPEECH_SECONDS = 2;

/**
 * <Gather>: plays its prompts, takes the caller's next scripted digits or words, and posts the
 * action (default: the document's own URL). On silence Twilio posts the action only with
 * actionOnEmptyResult="true"; otherwise it falls through to the next verb.
 */
export async function playGather(
  session: CallSession,
  verb: TwimlElement,
  documentUrl: string,
): Promise<VerbOutcome> {
  session.markAnswered();
  const input = listAttribute(verb, 'input', ['dtmf']);
  const language = verb.attributes.language?.trim() || 'en-US';
  const timeout = secondsAttribute(verb, 'timeout', 5);
  const action = urlAttribute(verb, 'action', documentUrl) ?? documentUrl;
  session.line(`Gather (${input.join(' ')}, ${language})`);
  for (const prompt of verb.children) {
    session.line(`  ${describePrompt(prompt)}`);
    if (prompt.name === 'Pause' && !session.clock.wait(secondsAttribute(prompt, 'length', 1))) {
      return session.callerHungUp();
    }
  }

  const heard = session.script.nextInput({ dtmf: input.includes('dtmf'), speech: input.includes('speech') });
  let result: Record<string, string>;
  if (heard === null) {
    if (!session.clock.wait(timeout)) return session.callerHungUp();
    session.line(`Caller stays silent for ${timeout} s`);
    if (verb.attributes.actionOnEmptyResult !== 'true') return { kind: 'next' };
    result = {};
  } else if ('digits' in heard) {
    if (!session.clock.wait(heard.digits.length)) return session.callerHungUp();
    session.line(`Caller presses ${heard.digits}`);
    result = { Digits: heard.digits };
  } else {
    if (!session.clock.wait(SPEECH_SECONDS)) return session.callerHungUp();
    session.line(`Caller says (${language}): « ${heard.speech} »`);
    result = { SpeechResult: heard.speech, Confidence: SPEECH_CONFIDENCE };
  }
  const document = await session.fetchDocument(action, { ...session.callParams(), ...result });
  return { kind: 'document', document };
}
