import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.ts';
import { asImported, exportContact } from './contact-arbitrary.ts';
import type { ExportContact } from './contact-input.ts';
import { contactsToCsv, parseContactsCsv } from './csv.ts';

const FR = { defaultCountry: 'FR' };
const US = { defaultCountry: 'US' };

function contactsOf(text: string, options = FR) {
  return parseContactsCsv(text, options).rows.map((row) => row.contact);
}

describe('parseContactsCsv on real exports', () => {
  it('reads a Google Contacts export: names joined, labels not taken for addresses, " ::: " lists split', () => {
    const google = [
      'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value',
      'Amélie,,Poulain,,,,,,Ami,,Café des 2 Moulins,Serveuse,,1973-04-25,"Aime les ricochets,\net la crème brûlée",,* myContacts,* Work,amelie@cafe2moulins.fr,Home,Amelie.Poulain@gmail.com,Mobile,+33 6 12 34 56 78,Work,+33 1 42 68 53 00',
      'Nino,,Quincampoix,,,,,,,,,,,,,,* myContacts,* Home,nino@example.com ::: nino.q@example.com,,,Mobile,06 12 34 56 79 ::: 01 42 68 53 01,,',
    ].join('\r\n');

    const result = parseContactsCsv(google, FR);

    expect(result.errors).toEqual([]);
    expect(result.total).toBe(2);
    expect(result.rows).toEqual([
      {
        line: 2,
        contact: {
          name: 'Amélie Poulain',
          company: 'Café des 2 Moulins',
          emails: ['amelie@cafe2moulins.fr', 'amelie.poulain@gmail.com'],
          phones: ['+33612345678', '+33142685300'],
        },
      },
      {
        line: 4,
        contact: {
          name: 'Nino Quincampoix',
          company: null,
          emails: ['nino@example.com', 'nino.q@example.com'],
          phones: ['+33612345679', '+33142685301'],
        },
      },
    ]);
    expect(result.warnings).toContain('Column "E-mail 1 - Label" is not recognised and was ignored.');
    expect(result.warnings).toContain('Column "Phonetic First Name" is not recognised and was ignored.');
    expect(result.warnings).toHaveLength(17);
  });

  it('reads the older Google export, whose "Name" column holds the full name', () => {
    const google = [
      'Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title',
      'Dr Jean-Pierre Martin,Jean-Pierre,,Martin,,,* myContacts,* Work,jp.martin@clinique.fr,Work,04 72 10 30 30,,Clinique du Parc,Chirurgien',
    ].join('\n');

    expect(contactsOf(google)).toEqual([
      {
        name: 'Dr Jean-Pierre Martin',
        company: 'Clinique du Parc',
        emails: ['jp.martin@clinique.fr'],
        phones: ['+33472103030'],
      },
    ]);
  });

  it("reads an Outlook export and leaves out the assistant's and the switchboard's numbers", () => {
    const outlook = [
      '"First Name","Middle Name","Last Name","Title","Suffix","E-mail Address","E-mail Type","E-mail Display Name","E-mail 2 Address","Home Phone","Business Phone","Mobile Phone","Company Main Phone","Assistant\'s Phone","Business Fax","Job Title","Company","Notes"',
      '"Kim","","Akers","","","kim@contoso.com","SMTP","Kim Akers (kim@contoso.com)","kim.akers@outlook.com","","(425) 555-0100","(425) 555-0199","(425) 555-0000","(425) 555-0111","(425) 555-0150","Buyer","Contoso, Ltd.",""',
      '"","","","","","sales@fabrikam.com","SMTP","","","","+1 201 555 0123","","","","","","Fabrikam",""',
    ].join('\r\n');

    const result = parseContactsCsv(outlook, US);

    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.contact)).toEqual([
      {
        name: 'Kim Akers',
        company: 'Contoso, Ltd.',
        emails: ['kim@contoso.com', 'kim.akers@outlook.com'],
        phones: ['+14255550100', '+14255550199'],
      },
      { name: 'Fabrikam', company: 'Fabrikam', emails: ['sales@fabrikam.com'], phones: ['+12015550123'] },
    ]);
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'Column "E-mail Type" is not recognised and was ignored.',
        'Column "Assistant\'s Phone" is not recognised and was ignored.',
        'Column "Company Main Phone" is not recognised and was ignored.',
      ]),
    );
  });

  it('reads a French Excel file: ";" columns, Prénom and Nom joined, national numbers, bad rows reported by line', () => {
    const excel = [
      'Prénom;Nom;Société;Téléphone;Courriel',
      'Jean;Dupont;Boulangerie Dupont;06 12 34 56 78;jean.dupont@orange.fr',
      'Élodie;Martin;;01 42 68 53 00;',
      ';;Mairie de Lyon;04 72 10 30 30;contact@mairie-lyon.fr',
      'Marc;Lefèvre;"Lefèvre; Fils";06 12;marc@lefevre.fr',
      ';;;06 98 76 54 32;',
      'Zoé;Bernard;;0612345678;zoe@@free.fr',
      'Hugo;Petit;;612345678;hugo@free.fr',
    ].join('\r\n');

    const result = parseContactsCsv(excel, FR);

    expect(result.rows).toEqual([
      {
        line: 2,
        contact: {
          name: 'Jean Dupont',
          company: 'Boulangerie Dupont',
          emails: ['jean.dupont@orange.fr'],
          phones: ['+33612345678'],
        },
      },
      { line: 3, contact: { name: 'Élodie Martin', company: null, emails: [], phones: ['+33142685300'] } },
      {
        line: 4,
        contact: {
          name: 'Mairie de Lyon',
          company: 'Mairie de Lyon',
          emails: ['contact@mairie-lyon.fr'],
          phones: ['+33472103030'],
        },
      },
      {
        line: 8,
        contact: { name: 'Hugo Petit', company: null, emails: ['hugo@free.fr'], phones: ['+33612345678'] },
      },
    ]);
    expect(result.errors).toEqual([
      {
        line: 5,
        field: 'phones',
        message:
          'Row 5, column "Téléphone": "06 12" is not a valid phone number for FR; write it in international format, e.g. +33 6 12 34 56 78',
      },
      {
        line: 6,
        field: 'name',
        message: 'Row 6 has no name and no company; fill in "Prénom", "Nom" or "Société"',
      },
      {
        line: 7,
        field: 'emails',
        message: 'Row 7, column "Courriel": "zoe@@free.fr" is not a valid email address',
      },
    ]);
    expect(result.total).toBe(7);
    expect(result.warnings).toEqual([]);
  });

  it('reads a HubSpot export without taking its email statistics for addresses', () => {
    const hubspot = [
      'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Marketing emails opened,Email hard bounce reason,Contact owner',
      '51,Brian,Halligan,bh@hubspot.com,+1 415 555 2671,,HubSpot,12,,Dharmesh Shah',
    ].join('\n');

    const result = parseContactsCsv(hubspot, US);

    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.contact).toEqual({
      name: 'Brian Halligan',
      company: 'HubSpot',
      emails: ['bh@hubspot.com'],
      phones: ['+14155552671'],
    });
    expect(result.warnings).toContain('Column "Marketing emails opened" is not recognised and was ignored.');
  });
});

describe('parseContactsCsv headers', () => {
  it('recognises headers whatever their case and accents', () => {
    const text = 'NOM COMPLET,SOCIETE,E-MAIL,Téléphone portable\nAnne Roux,Roux SA,anne@roux.fr,0612345678\n';
    expect(contactsOf(text)).toEqual([
      { name: 'Anne Roux', company: 'Roux SA', emails: ['anne@roux.fr'], phones: ['+33612345678'] },
    ]);
  });

  it('takes "Nom" alone as the whole name', () => {
    expect(contactsOf('Nom;Courriel\nAnne Roux;anne@roux.fr')).toEqual([
      { name: 'Anne Roux', company: null, emails: ['anne@roux.fr'], phones: [] },
    ]);
  });

  it('reports each unrecognised header once, however many rows', () => {
    const result = parseContactsCsv('Name,Birthday\nA,2000-01-01\nB,2001-01-01\n', FR);
    expect(result.warnings).toEqual(['Column "Birthday" is not recognised and was ignored.']);
  });

  it('refuses a file with no name or company column, listing the accepted headers', () => {
    const read = () => parseContactsCsv('Email,Phone\na@b.co,+33612345678\n', FR);
    expect(read).toThrow(AppError);
    expect(read).toThrow(/no column.*name or company.*"Name".*"Prénom".*"Company".*"Société"/i);
  });

  it('refuses a file whose first line is data rather than headers', () => {
    expect(() => parseContactsCsv('Jean Dupont,jean@x.fr,0612345678\n', FR)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'contacts_csv_unrecognised' }),
    );
  });

  it('uses the delimiter declared by an Excel "sep=" line and counts lines from the top of the file', () => {
    const result = parseContactsCsv('sep=;\r\nName;Phone\r\nA, B;06 12\r\n', FR);
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, field: 'phones' })]);
  });

  it('strips a byte order mark so the first header is still recognised', () => {
    expect(contactsOf('\uFEFFName,Email\nAda,ada@example.com\n')).toEqual([
      { name: 'Ada', company: null, emails: ['ada@example.com'], phones: [] },
    ]);
  });
});

describe('parseContactsCsv rows', () => {
  it('gives an empty result with a warning for an empty file', () => {
    expect(parseContactsCsv('', FR)).toEqual({
      rows: [],
      errors: [],
      warnings: ['The file is empty.'],
      total: 0,
    });
    expect(parseContactsCsv('\uFEFF\r\n  \r\n', FR).total).toBe(0);
  });

  it('gives no rows and no errors for a header alone', () => {
    expect(parseContactsCsv('Name,Email\n', FR)).toEqual({ rows: [], errors: [], warnings: [], total: 0 });
  });

  it('skips blank rows without counting them', () => {
    const result = parseContactsCsv('Nom;Téléphone\n\n;\nA;\n;;\n', FR);
    expect(result.total).toBe(1);
    expect(result.rows.map((row) => row.line)).toEqual([4]);
  });

  it('numbers rows by the line they start on when a quoted cell spans lines', () => {
    const text = 'Name,Notes,Phone\n"Ann","line one\nline two\nline three",06 12\nBob,,0612345678\n';
    const result = parseContactsCsv(text, FR);
    expect(result.errors.map((error) => error.line)).toEqual([2]);
    expect(result.rows.map((row) => row.line)).toEqual([5]);
  });

  it('refuses a row with more values than columns and keeps the others', () => {
    const result = parseContactsCsv('Name,Phone\nDupont, Jean,0612345678\nAda,0612345678\n', FR);
    expect(result.errors).toEqual([
      {
        line: 2,
        message:
          'Row 2 has 3 values but the header line names 2 columns; a value that contains "," must be put in double quotes',
      },
    ]);
    expect(result.rows.map((row) => row.contact.name)).toEqual(['Ada']);
  });

  it('accepts a row with fewer values than columns, the missing ones empty', () => {
    expect(contactsOf('Name,Company,Email\nAda\n')).toEqual([
      { name: 'Ada', company: null, emails: [], phones: [] },
    ]);
  });

  it('reports a quote never closed on its own row and still reads the rows after it', () => {
    const result = parseContactsCsv('Name,Phone\nAda,0612345678\n"Bob,0612345679\nCid,0612345670\n', FR);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringMatching(/never closed/) }),
    ]);
    expect(result.rows.map((row) => [row.line, row.contact.name])).toEqual([
      [2, 'Ada'],
      [4, 'Cid'],
    ]);
    expect(result.total).toBe(3);
  });

  it('reads several values from one cell separated by ";" or ","', () => {
    expect(
      contactsOf('Name,Emails,Phones\nAda,"A@x.com; b@x.com, a@x.com","+33612345678;06 12 34 56 78"\n'),
    ).toEqual([{ name: 'Ada', company: null, emails: ['a@x.com', 'b@x.com'], phones: ['+33612345678'] }]);
  });

  it('reports every problem of a row, naming each column', () => {
    const result = parseContactsCsv('Name,Work Phone,Mobile\nAda,12,34\n', FR);
    expect(result.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^Row 2, column "Work Phone": "12"/),
      expect.stringMatching(/^Row 2, column "Mobile": "34"/),
    ]);
  });

  it('refuses a row with more addresses than a contact may have', () => {
    const emails = Array.from({ length: 11 }, (_, index) => `p${index}@x.com`).join(' ::: ');
    const result = parseContactsCsv(`Name,Email\nAda,${emails}\n`, FR);
    expect(result.errors).toEqual([
      { line: 2, field: 'emails', message: 'Row 2: A contact can have at most 10 email addresses' },
    ]);
  });

  it('falls back to a generic example when the default country is unknown', () => {
    const result = parseContactsCsv('Name,Phone\nAda,06 12\n', { defaultCountry: 'ZZ' });
    expect(result.errors[0]?.message).toMatch(
      /"06 12" is not a valid phone number; write it in international format/,
    );
  });
});

describe('contactsToCsv', () => {
  const ada: ExportContact = {
    id: 'c1',
    name: 'Ada Lovelace',
    company: 'Analytical, Engines',
    emails: ['ada@example.com', 'ada@engines.co.uk'],
    phones: ['+442079460018', '+33612345678'] as ExportContact['phones'],
  };

  it('writes the header, a byte order mark for Excel, and lists joined by "; "', () => {
    expect(contactsToCsv([ada])).toBe(
      '\uFEFFName,Company,Emails,Phones\nAda Lovelace,"Analytical, Engines",ada@example.com; ada@engines.co.uk,+442079460018; +33612345678\n',
    );
  });

  it('makes a name that a spreadsheet would run as a formula into text, and reads it back unchanged', () => {
    const evil = { ...ada, name: '=HYPERLINK("http://x","y")', company: "'@corp" };
    const csv = contactsToCsv([evil]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`''@corp`);
    expect(contactsOf(csv)[0]).toMatchObject({ name: evil.name, company: evil.company });
  });

  it('gives back the same contacts when its output is read again', () => {
    fc.assert(
      fc.property(fc.array(exportContact, { maxLength: 8 }), (contacts) => {
        const result = parseContactsCsv(contactsToCsv(contacts), FR);
        expect(result.errors).toEqual([]);
        expect(result.rows.map((row) => row.contact)).toEqual(contacts.map(asImported));
      }),
    );
  });
});
