import { describe, expect, it } from 'vitest';
import type { Transcript } from '../transcription/port.ts';
import { extractSummary, rankSentences } from './extractive.ts';

const call = (language: string, lines: [speaker: 'rep' | 'customer', text: string][]): Transcript => ({
  language,
  engine: 'test',
  segments: lines.map(([speaker, text], i) => ({ speaker, start: i * 5, end: i * 5 + 4, text })),
});

describe('the extractive summary', () => {
  it('ranks the sentences on the call’s subject above greetings and asides', () => {
    const ranked = rankSentences([
      'Hello, thanks for calling.',
      'The printer invoice shows ten printers.',
      'Nice weather today.',
      'We only received eight printers, so the invoice is wrong.',
    ]);
    expect(
      ranked
        .slice(0, 2)
        .map((s) => s.index)
        .sort(),
    ).toEqual([1, 3]);
  });

  it('keeps at most three sentences, in the order they were said, and labels itself an extract', () => {
    const summary = extractSummary(
      call('en', [
        ['rep', 'Good morning, Acme support, how can I help?'],
        ['customer', 'My printer order arrived incomplete. Two printers are missing from the order.'],
        ['rep', 'I see the order: ten printers were shipped in two boxes.'],
        ['customer', 'Only one box of printers arrived.'],
        ['rep', 'I will send the missing printers tomorrow. Goodbye.'],
      ]),
    );
    expect(summary.kind).toBe('extract');
    expect(summary.suggestedDisposition).toBeNull();
    expect(summary.language).toBe('en');
    const sentences = summary.summary.split(/(?<=[.?!])\s+/);
    expect(sentences.length).toBeLessThanOrEqual(3);
    const said =
      'Good morning, Acme support, how can I help? My printer order arrived incomplete. Two printers are missing from the order. I see the order: ten printers were shipped in two boxes. Only one box of printers arrived. I will send the missing printers tomorrow. Goodbye.';
    const positions = sentences.map((sentence) => said.indexOf(sentence));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(summary.summary).not.toContain('Goodbye');
    expect(summary.nextSteps).toEqual(['I will send the missing printers tomorrow.']);
  });

  it('finds the next steps of a French call', () => {
    const summary = extractSummary(
      call('fr', [
        ['customer', 'Bonjour, je voudrais un devis pour dix imprimantes.'],
        ['rep', 'Très bien. Je vous envoie le devis demain matin.'],
      ]),
    );
    expect(summary.language).toBe('fr');
    expect(summary.nextSteps).toEqual(['Je vous envoie le devis demain matin.']);
    expect(summary.summary).toContain('devis');
  });

  it('says nothing of a silent call', () => {
    expect(extractSummary(call('en', [])).summary).toBe('');
  });
});
