import { describe, expect, it } from 'vitest';
import { appendNote } from './call-notes.ts';

describe('appendNote', () => {
  it('starts the notes with the signed note when there were none', () => {
    expect(appendNote(null, { text: ' Called back ', author: 'Max' })).toBe('Max: Called back');
    expect(appendNote('  \n', { text: 'Called back', author: 'Max' })).toBe('Max: Called back');
  });

  it('keeps what was written and adds the note as a new paragraph', () => {
    expect(appendNote('Wants a quote\n', { text: 'Sent it', author: 'Ada' })).toBe(
      'Wants a quote\n\nAda: Sent it',
    );
  });
});
