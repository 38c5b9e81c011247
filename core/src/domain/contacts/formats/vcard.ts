import { AppError } from '../../../errors.ts';
import { type ContactDraft, type DraftOutcome, finishDraft } from './contact-draft.ts';
import type { ExportContact } from './contact-input.ts';
import { emptyFileResult, type ParseResult } from './parse-result.ts';
import {
  type ContentLine,
  escapeText,
  foldLine,
  hasParam,
  isQuotedPrintable,
  readContentLines,
  splitStructured,
  unescapeText,
} from './vcard-syntax.ts';

export interface VcardParseOptions {
  /** ISO country used to read numbers written without a country code ("06 12 34 56 78"). */
  defaultCountry: string;
}

interface Card {
  line: number;
  properties: ContentLine[];
}

/** The properties a contact is read from, and the contact field each one fills. */
const FIELD_OF = new Map([
  ['FN', 'name'],
  ['N', 'name'],
  ['ORG', 'company'],
  ['EMAIL', 'emails'],
  ['TEL', 'phones'],
]);

/**
 * Reads vCard 3.0 and 4.0 files (Apple, Google, Outlook exports). Each card is judged on its own;
 * a broken card becomes an error naming the line of its BEGIN:VCARD and the others still import.
 * Throws `AppError` (invalid) only when the text holds no card at all.
 */
export function parseVcards(text: string, options: VcardParseOptions): ParseResult {
  if (text.replace(/^\uFEFF/, '').trim() === '') return emptyFileResult();
  const result: ParseResult = { rows: [], errors: [], warnings: [], total: 0 };

  const record = (line: number, outcome: DraftOutcome): void => {
    result.total += 1;
    if (outcome.ok) result.rows.push({ line, contact: outcome.contact });
    else result.errors.push(...outcome.errors);
  };
  const unclosed = (card: Card, before: string): DraftOutcome => ({
    ok: false,
    errors: [
      {
        line: card.line,
        message: `Card starting on line ${card.line} has no END:VCARD before ${before}, so it was skipped; the file may have been cut or edited by hand`,
      },
    ],
  });

  let card: Card | null = null;
  for (const contentLine of readContentLines(text)) {
    const isVcardMarker = contentLine.value.trim().toUpperCase() === 'VCARD';
    if (contentLine.name === 'BEGIN' && isVcardMarker) {
      if (card) record(card.line, unclosed(card, `the next card on line ${contentLine.line}`));
      card = { line: contentLine.line, properties: [] };
    } else if (contentLine.name === 'END' && isVcardMarker) {
      if (card) record(card.line, readCard(card, options.defaultCountry));
      card = null;
    } else card?.properties.push(contentLine);
  }
  if (card) record(card.line, unclosed(card, 'the end of the file'));

  if (result.total === 0) {
    throw new AppError(
      'invalid',
      'contacts_vcard_unrecognised',
      'This file holds no vCard (no BEGIN:VCARD line). Export the contacts as vCard (.vcf) or as CSV and upload that file.',
    );
  }
  return result;
}

/** Writes vCard 4.0 (RFC 6350): CRLF line ends, lines folded at 75 octets, phones as tel: URIs. */
export function contactsToVcards(contacts: readonly ExportContact[]): string {
  return contacts.map(toVcard).join('');
}

function toVcard(contact: ExportContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', uidLine(contact.id), `FN:${escapeText(contact.name)}`];
  if (contact.company) lines.push(`ORG:${escapeText(contact.company)}`);
  for (const email of contact.emails) lines.push(`EMAIL:${escapeText(email)}`);
  for (const phone of contact.phones) lines.push(`TEL;VALUE=uri:tel:${phone}`);
  lines.push('END:VCARD');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

/** UID is a URI in vCard 4.0; our ids are UUIDs, which have a URN form, and anything else is sent as text. */
function uidLine(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? `UID:urn:uuid:${id.toLowerCase()}`
    : `UID;VALUE=text:${escapeText(id)}`;
}

function readCard(card: Card, defaultCountry: string): DraftOutcome {
  const where = `Card starting on line ${card.line}`;
  const encoded = new Set(
    card.properties
      .filter((property) => FIELD_OF.has(property.name) && isQuotedPrintable(property))
      .map((p) => p.name),
  );
  if (encoded.size > 0) {
    return {
      ok: false,
      errors: [...encoded].map((name) => ({
        line: card.line,
        field: FIELD_OF.get(name),
        message: `${where}: ${name} is quoted-printable encoded, a vCard 2.1 form Parley does not read; export the contacts again as vCard 3.0 or 4.0`,
      })),
    };
  }

  const first = (name: string): ContentLine | undefined => card.properties.find((p) => p.name === name);
  const all = (name: string): ContentLine[] => card.properties.filter((p) => p.name === name);
  const fn = first('FN');
  const n = first('N');
  const org = first('ORG');
  const draft: ContactDraft = {
    name: (fn ? unescapeText(fn.value).trim() : '') || (n ? nameFromN(n.value) : ''),
    company: org ? unescapeText(splitStructured(org.value, ';')[0] ?? '').trim() : '',
    emails: all('EMAIL')
      .map((email) =>
        unescapeText(email.value)
          .trim()
          .replace(/^mailto:/i, ''),
      )
      .filter((value) => value !== '')
      .map((value) => ({ value, source: 'EMAIL' })),
    phones: all('TEL')
      .map(telValue)
      .filter((value) => value !== '')
      .map((value) => ({ value, source: 'TEL' })),
  };
  const missingName = `${where} has no name (FN or N) and no company (ORG)`;
  return finishDraft(draft, { line: card.line, where, missingName }, defaultCountry);
}

/** N is family;given;additional;prefixes;suffixes, each possibly a comma list; people read it in another order. */
function nameFromN(value: string): string {
  const [family, given, additional, prefixes, suffixes] = splitStructured(value, ';').map((component) =>
    splitStructured(component, ',')
      .map((part) => unescapeText(part).trim())
      .filter((part) => part !== '')
      .join(' '),
  );
  return [prefixes, given, additional, family, suffixes].filter((part) => part).join(' ');
}

/** vCard 4.0 writes numbers as tel: URIs, possibly with parameters (";ext=12"); 3.0 writes them as text. */
function telValue(tel: ContentLine): string {
  const value = tel.value.trim();
  if (hasParam(tel, 'VALUE', 'URI') || /^tel:/i.test(value))
    return value.replace(/^tel:/i, '').split(';')[0]!.trim();
  return unescapeText(value).trim();
}
