import { CarrierError } from '../../errors.ts';
import type { TwimlElement } from './twiml-reader.ts';

/** A duration attribute in seconds (Dial timeout, Pause length…), or the fallback when absent. */
export function secondsAttribute(element: TwimlElement, name: string, fallback: number): number {
  const raw = element.attributes[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new CarrierError('invalid', `<${element.name} ${name}="${raw}"> is not a number of seconds.`);
  }
  return value;
}

/** A list attribute such as statusCallbackEvent="initiated ringing" (Twilio also takes commas). */
export function listAttribute(element: TwimlElement, name: string, fallback: readonly string[]): string[] {
  const raw = element.attributes[name]?.trim();
  return raw ? raw.split(/[\s,]+/) : [...fallback];
}

/** A URL attribute resolved against the document it came from, as Twilio resolves relative URLs. */
export function urlAttribute(element: TwimlElement, name: string, documentUrl: string): string | undefined {
  const raw = element.attributes[name]?.trim();
  return raw ? resolveUrl(raw, documentUrl) : undefined;
}

export function resolveUrl(reference: string, documentUrl: string): string {
  try {
    return new URL(reference, documentUrl).href;
  } catch {
    throw new CarrierError(
      'invalid',
      `The TwiML of ${documentUrl} points to "${reference}", which is not a URL.`,
    );
  }
}

/** The story line of a <Say>, <Play> or <Pause>. */
export function describePrompt(element: TwimlElement): string {
  if (element.name === 'Say') {
    const language = element.attributes.language;
    return `Say${language ? ` (${language})` : ''}: ${element.text}`;
  }
  if (element.name === 'Play') {
    return element.text ? `Play: ${element.text}` : `Play digits ${element.attributes.digits ?? ''}`;
  }
  return `Pause ${secondsAttribute(element, 'length', 1)} s`;
}
