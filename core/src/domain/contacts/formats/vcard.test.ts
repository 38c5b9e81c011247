import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.ts';
import { asImported, exportContact } from './contact-arbitrary.ts';
import type { ExportContact } from './contact-input.ts';
import { contactsToVcards, parseVcards } from './vcard.ts';

const FR = { defaultCountry: 'FR' };

function contactsOf(text: string) {
  return parseVcards(text, FR).rows.map((row) => row.contact);
}

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('parseVcards on real exports', () => {
  it('reads an iPhone vCard 3.0 export: folded lines, item groups, TYPE parameters, escapes', () => {
    const iphone = crlf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.4//EN',
      'N:Dupont;Jean;;;',
      'FN:Jean Dupont',
      'ORG:Boulangerie Dupont\\, Père & Fils;Livraisons;',
      'item1.EMAIL;type=INTERNET;type=pref:Jean.Dupont@icloud.com',
      'item1.X-ABLabel:_$!<Other>!$_',
      'TEL;type=CELL;type=VOICE;type=pref:06 12 34 56 78',
      'item2.TEL:+33 1 42 68 53 00',
      'item2.X-ABLabel:Standard',
      'NOTE:Livraison le mardi\\, avant 7h\\nSonner deux fois',
      'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDA',
      ' oMDAsKCwsNDhIQDQ4RDhELCxAWEBETFBUVFQwPFxgWFBgSFBUU/9sAQwEDBAQFBAUJBQUJFA0L',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:de la Fontaine-Saint-Exupéry;Marie-Clémentine;Anne;Mme;',
      'FN:Marie-Clémentine Anne de la Fontaine-Saint-Exupéry, directrice commerci',
      ' ale',
      'ORG:Société Générale des Eaux de la Région Lyonnaise et du Grand Lyon Métrop',
      '\tole;',
      'item1.TEL;type=pref:+33472103030',
      'item1.X-ABLabel:_$!<Main>!$_',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Martin;Élodie;;;',
      'item1.EMAIL;type=INTERNET:elodie@martin.fr',
      'END:VCARD',
    );

    const result = parseVcards(iphone, FR);

    expect(result.errors).toEqual([]);
    expect(result.total).toBe(3);
    expect(result.rows).toEqual([
      {
        line: 1,
        contact: {
          name: 'Jean Dupont',
          company: 'Boulangerie Dupont, Père & Fils',
          emails: ['jean.dupont@icloud.com'],
          phones: ['+33612345678', '+33142685300'],
        },
      },
      {
        line: 16,
        contact: {
          name: 'Marie-Clémentine Anne de la Fontaine-Saint-Exupéry, directrice commerciale',
          company: 'Société Générale des Eaux de la Région Lyonnaise et du Grand Lyon Métropole',
          emails: [],
          phones: ['+33472103030'],
        },
      },
      {
        line: 26,
        contact: { name: 'Élodie Martin', company: null, emails: ['elodie@martin.fr'], phones: [] },
      },
    ]);
  });

  it('reads a vCard 4.0 card: tel: URIs with parameters, quoted TYPE lists, name built from N', () => {
    const v4 = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
      'N:Lovelace;Ada;Augusta;Dr.;',
      'ORG:Analytical Engines Ltd;R&D',
      'EMAIL;TYPE=work:ada@engines.co.uk',
      'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+44-20-7946-0018',
      'TEL;VALUE=uri;TYPE=work:tel:+44-20-7946-0019;ext=102',
      'END:VCARD',
    ].join('\n');

    expect(contactsOf(v4)).toEqual([
      {
        name: 'Dr. Ada Augusta Lovelace',
        company: 'Analytical Engines Ltd',
        emails: ['ada@engines.co.uk'],
        phones: ['+442079460018', '+442079460019'],
      },
    ]);
  });
});

describe('parseVcards cards', () => {
  it('unescapes \\, \\; \\n and \\\\ in text values', () => {
    const card = crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:A\\, B\\; C\\nD \\\\E', 'END:VCARD');
    expect(contactsOf(card)[0]?.name).toBe('A, B; C\nD \\E');
  });

  it('uses the company as the name of a card with only ORG', () => {
    expect(contactsOf(crlf('BEGIN:VCARD', 'VERSION:3.0', 'ORG:Mairie de Lyon;', 'END:VCARD'))).toEqual([
      { name: 'Mairie de Lyon', company: 'Mairie de Lyon', emails: [], phones: [] },
    ]);
  });

  it('refuses a card with neither name nor company and imports the next', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'TEL:0612345678',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ada',
      'END:VCARD',
    );
    const result = parseVcards(text, FR);
    expect(result.errors).toEqual([
      {
        line: 1,
        field: 'name',
        message: 'Card starting on line 1 has no name (FN or N) and no company (ORG)',
      },
    ]);
    expect(result.rows.map((row) => [row.line, row.contact.name])).toEqual([[5, 'Ada']]);
  });

  it('reports an unreadable number with the card line, the property and the value', () => {
    const result = parseVcards(crlf('BEGIN:VCARD', 'FN:Ada', 'TEL;TYPE=cell:06 12', 'END:VCARD'), FR);
    expect(result.errors).toEqual([
      {
        line: 1,
        field: 'phones',
        message:
          'Card starting on line 1, TEL: "06 12" is not a valid phone number for FR; write it in international format, e.g. +33 6 12 34 56 78',
      },
    ]);
  });

  it('refuses only the card missing END:VCARD, before another card or at the end of the file', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'FN:Cut short',
      'BEGIN:VCARD',
      'FN:Ada',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Also cut',
    );
    const result = parseVcards(text, FR);
    expect(result.rows.map((row) => [row.line, row.contact.name])).toEqual([[3, 'Ada']]);
    expect(result.errors).toEqual([
      {
        line: 1,
        message: expect.stringMatching(
          /^Card starting on line 1 has no END:VCARD before the next card on line 3/,
        ),
      },
      {
        line: 6,
        message: expect.stringMatching(
          /^Card starting on line 6 has no END:VCARD before the end of the file/,
        ),
      },
    ]);
    expect(result.total).toBe(3);
  });

  it('refuses a quoted-printable card with a message saying what to do, and imports the others', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dupont;J=C3=A9r=C3=B4me;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=A9r=C3=B4me Dupont',
      'TEL;CELL:0612345678',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Martin;Paul',
      'TEL;CELL;QUOTED-PRINTABLE:0612345678',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Petit;Hugo',
      'NOTE;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9',
      'END:VCARD',
    );
    const result = parseVcards(text, FR);
    expect(result.errors).toEqual([
      {
        line: 1,
        field: 'name',
        message:
          'Card starting on line 1: N is quoted-printable encoded, a vCard 2.1 form Parley does not read; export the contacts again as vCard 3.0 or 4.0',
      },
      expect.objectContaining({
        line: 1,
        field: 'name',
        message: expect.stringMatching(/: FN is quoted-printable/),
      }),
      expect.objectContaining({
        line: 7,
        field: 'phones',
        message: expect.stringMatching(/: TEL is quoted-printable/),
      }),
    ]);
    expect(result.rows.map((row) => row.contact.name)).toEqual(['Hugo Petit']);
  });

  it('reads lowercase names, LF line ends and a byte order mark', () => {
    expect(contactsOf('\uFEFFbegin:vcard\nversion:3.0\nfn:Ada\nemail:ADA@x.com\nend:vcard\n')).toEqual([
      { name: 'Ada', company: null, emails: ['ada@x.com'], phones: [] },
    ]);
  });

  it('gives an empty result with a warning for an empty file', () => {
    expect(parseVcards('', FR)).toEqual({ rows: [], errors: [], warnings: ['The file is empty.'], total: 0 });
  });

  it('refuses text that holds no card at all', () => {
    expect(() => parseVcards('Name,Email\nAda,ada@x.com\n', FR)).toThrow(AppError);
    expect(() => parseVcards('Name,Email\nAda,ada@x.com\n', FR)).toThrow(/no vCard/);
  });
});

describe('contactsToVcards', () => {
  const ada: ExportContact = {
    id: '4FBE8971-0BC3-424C-9C26-36C3E1EFF6B1',
    name: 'Ada; "Countess" of Lovelace, née Byron',
    company: 'Analytical Engines; R&D',
    emails: ['ada@example.com'],
    phones: ['+442079460018'] as ExportContact['phones'],
  };

  it('writes vCard 4.0 with escaped text, tel: URIs, a URN UID and CRLF line ends', () => {
    expect(contactsToVcards([ada])).toBe(
      crlf(
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
        'FN:Ada\\; "Countess" of Lovelace\\, née Byron',
        'ORG:Analytical Engines\\; R&D',
        'EMAIL:ada@example.com',
        'TEL;VALUE=uri:tel:+442079460018',
        'END:VCARD',
      ),
    );
  });

  it('writes an id that is not a UUID as a text UID', () => {
    expect(contactsToVcards([{ ...ada, id: 'hs:51' }])).toContain('\r\nUID;VALUE=text:hs:51\r\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const name = 'Ééé漢🙂'.repeat(20);
    const lines = contactsToVcards([{ ...ada, name }]).split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    // A lone half of a surrogate pair does not survive UTF-8 encoding.
    expect(lines.every((line) => Buffer.from(line, 'utf8').toString('utf8') === line)).toBe(true);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
    expect(contactsOf(lines.join('\r\n'))[0]?.name).toBe(name);
  });

  it('gives back the same contacts when its output is read again', () => {
    fc.assert(
      fc.property(fc.array(exportContact, { minLength: 1, maxLength: 8 }), (contacts) => {
        const result = parseVcards(contactsToVcards(contacts), FR);
        expect(result.errors).toEqual([]);
        expect(result.rows.map((row) => row.contact)).toEqual(contacts.map(asImported));
      }),
    );
  });
});
