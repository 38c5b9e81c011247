import fc from 'fast-check';
import { ContactInputSchema, type ExportContact } from './contact-input.ts';

/** Characters that break naive writers: delimiters, quotes, escapes, formula starts, accents, astral. */
const NAME_CHARS = Array.from('abcxyzABCXYZ0189 éèçàÉŒœßñ漢字🙂,;:"\'\\=+-@\n\t');

const text = fc
  .string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 150 })
  .map((value) => value.trim())
  .filter((value) => value !== '');

const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constantFrom('example.com', 'exemple.fr', 'mail.co.uk'))
  .map(([local, domain]) => `${local}@${domain}`);

/** Valid numbers of several countries and kinds, so reading them back exercises no default country. */
const phone = fc.constantFrom(
  '+33612345678',
  '+33142685300',
  '+442079460018',
  '+14155552671',
  '+4930123456',
  '+41446681800',
  '+34912345678',
  '+81312345678',
);

/** Contacts as the store holds them: already through the schema, so canonical. */
export const exportContact: fc.Arbitrary<ExportContact> = fc
  .record({
    id: fc.uuid(),
    name: text,
    company: fc.option(text, { nil: null }),
    emails: fc.array(email, { maxLength: 10 }),
    phones: fc.array(phone, { maxLength: 10 }),
  })
  .map(({ id, ...contact }) => ({ id, ...ContactInputSchema.parse(contact) }));

/** What an import should give back for an exported contact. */
export function asImported(contact: ExportContact) {
  return {
    name: contact.name,
    company: contact.company ?? null,
    emails: contact.emails,
    phones: contact.phones,
  };
}
