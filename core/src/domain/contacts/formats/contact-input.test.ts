import { describe, expect, it } from 'vitest';
import { ContactInputSchema } from './contact-input.ts';

describe('ContactInputSchema', () => {
  it('trims, lowercases and removes duplicate addresses and numbers', () => {
    expect(
      ContactInputSchema.parse({
        name: '  Ada  ',
        company: ' ',
        emails: [' Ada@Example.com', 'ada@example.com'],
        phones: ['+33612345678', '+33612345678'],
      }),
    ).toEqual({ name: 'Ada', company: null, emails: ['ada@example.com'], phones: ['+33612345678'] });
  });

  it('defaults missing lists to empty', () => {
    expect(ContactInputSchema.parse({ name: 'Ada' })).toEqual({ name: 'Ada', emails: [], phones: [] });
  });

  it('counts the limit of ten after duplicates are gone', () => {
    const same = Array.from({ length: 12 }, () => 'ada@example.com');
    const distinct = Array.from({ length: 11 }, (_, index) => `p${index}@example.com`);
    expect(ContactInputSchema.safeParse({ name: 'Ada', emails: same }).success).toBe(true);
    expect(ContactInputSchema.safeParse({ name: 'Ada', emails: distinct }).error?.issues[0]?.message).toBe(
      'A contact can have at most 10 email addresses',
    );
  });

  it('refuses numbers not in E.164 and says what was wrong', () => {
    const issues = ContactInputSchema.safeParse({ name: 'Ada', emails: ['x@'], phones: ['06 12 34 56 78'] })
      .error?.issues;
    expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['emails.0', '"x@" is not a valid email address'],
      [
        'phones.0',
        '"06 12 34 56 78" is not an E.164 phone number; write it as + country code and number, e.g. +33612345678',
      ],
    ]);
  });

  it('refuses an empty name and one over 200 characters', () => {
    expect(ContactInputSchema.safeParse({ name: '   ' }).success).toBe(false);
    expect(ContactInputSchema.safeParse({ name: 'a'.repeat(201) }).success).toBe(false);
    expect(ContactInputSchema.safeParse({ name: 'a'.repeat(200) }).success).toBe(true);
  });
});
