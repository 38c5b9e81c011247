import { type CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../../errors.ts';
import { type ContactDraft, finishDraft, type SourcedValue } from './contact-draft.ts';
import type { ExportContact } from './contact-input.ts';
import {
  ACCEPTED_HEADERS,
  type Column,
  type ColumnKind,
  canNameContacts,
  type HeaderMap,
  mapHeaders,
} from './csv-headers.ts';
import { emptyFileResult, type ParseError, type ParseResult } from './parse-result.ts';

export interface CsvParseOptions {
  /** ISO country used to read numbers written without a country code ("06 12 34 56 78"). */
  defaultCountry: string;
}

export const CSV_EXPORT_HEADER = ['Name', 'Company', 'Emails', 'Phones'] as const;

interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads a contacts spreadsheet saved as CSV. Every row is judged on its own: a bad row becomes an
 * error naming its line, and the rows around it still import. Throws `AppError` (invalid) only when
 * the file as a whole cannot be contacts: no column gives a name or a company.
 */
export function parseContactsCsv(text: string, options: CsvParseOptions): ParseResult {
  // Quoted cells may hold line breaks; one form of them keeps line counting and names simple.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (body.trim() === '') return emptyFileResult();

  const { delimiter, skippedLines } = sniffDelimiter(body);
  const read = readRecords(body.split('\n').slice(skippedLines).join('\n'), delimiter, skippedLines);
  const [header, ...records] = read.records;
  if (!header) return { ...emptyFileResult(), errors: read.errors, total: read.errors.length };

  const map = mapHeaders(header.cells);
  if (!canNameContacts(map)) {
    throw new AppError(
      'invalid',
      'contacts_csv_unrecognised',
      `No column of this file gives a contact's name or company. Its first line must name the columns; accepted headers are ${ACCEPTED_HEADERS}.`,
      { headers: header.cells },
    );
  }

  const result: ParseResult = {
    rows: [],
    errors: [...read.errors],
    warnings: map.ignored.map((name) => `Column "${name}" is not recognised and was ignored.`),
    total: read.errors.length,
  };
  const nameHint = listWithOr(
    map.columns
      .filter((column) => column.kind !== 'email' && column.kind !== 'phone')
      .map((column) => `"${column.header}"`),
  );

  for (const { line, cells } of records) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    result.total += 1;
    const where = `Row ${line}`;
    const extra = cells.slice(header.cells.length);
    if (extra.some((cell) => cell.trim() !== '')) {
      result.errors.push({
        line,
        message: `${where} has ${cells.length} values but the header line names ${header.cells.length} columns; a value that contains "${delimiter}" must be put in double quotes`,
      });
      continue;
    }
    const outcome = finishDraft(
      toDraft(cells, map),
      { line, where, missingName: `${where} has no name and no company; fill in ${nameHint}` },
      options.defaultCountry,
    );
    if (outcome.ok) result.rows.push({ line, contact: outcome.contact });
    else result.errors.push(...outcome.errors);
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

/** Writes contacts for a spreadsheet; `parseContactsCsv` reads the result back to the same contacts. */
export function contactsToCsv(contacts: readonly ExportContact[]): string {
  return stringify(
    contacts.map((contact) => [
      guardFormula(contact.name),
      guardFormula(contact.company ?? ''),
      contact.emails.join('; '),
      contact.phones.join('; '),
    ]),
    // Excel reads a CSV without a byte order mark as a legacy code page and garbles accents.
    { header: true, columns: [...CSV_EXPORT_HEADER], bom: true },
  );
}

/**
 * Excel's "sep=;" first line says the delimiter outright. Otherwise the header line decides:
 * French-locale Excel writes ";" because "," is its decimal mark.
 */
function sniffDelimiter(body: string): { delimiter: string; skippedLines: number } {
  const firstLine = body.split('\n', 1)[0] ?? '';
  const declared = /^sep=(.)\s*$/i.exec(firstLine);
  if (declared) return { delimiter: declared[1]!, skippedLines: 1 };
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return { delimiter: semicolons > commas ? ';' : ',', skippedLines: 0 };
}

/**
 * Splits the text into records, each with the line it starts on. Records the parser cannot read
 * become errors; a quote never closed would swallow the rest of the file, so reading resumes on
 * the line after the one that opened it.
 */
function readRecords(
  text: string,
  delimiter: string,
  lineOffset: number,
): { records: CsvRecord[]; errors: ParseError[] } {
  const lines = text.split('\n');
  const records: CsvRecord[] = [];
  const errors: ParseError[] = [];
  let previousEnd = 0;
  let unclosedQuoteLine: number | null = null;
  // The parser reports where a record ends; it starts after the previous one and any blank lines.
  const startOf = (end: number): number => {
    let start = previousEnd + 1;
    while (start < end && lines[start - 1] === '') start += 1;
    previousEnd = end;
    return start;
  };

  parse(text, {
    delimiter,
    trim: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (cells: string[], context) => {
      records.push({ line: lineOffset + startOf(context.lines), cells });
      return null;
    },
    on_skip: (error: CsvError | undefined) => {
      if (!error) return;
      // CsvError carries its context untyped; `lines` is where the failed record ends.
      const start = startOf(typeof error.lines === 'number' ? error.lines : lines.length);
      const line = lineOffset + start;
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        unclosedQuoteLine = start;
        errors.push({
          line,
          message: `Row ${line} opens a double quote (") that is never closed, so the row was skipped; close the quote or remove it`,
        });
      } else errors.push({ line, message: `Row ${line} could not be read: ${error.message}` });
    },
  });

  if (unclosedQuoteLine !== null) {
    const rest = readRecords(
      lines.slice(unclosedQuoteLine).join('\n'),
      delimiter,
      lineOffset + unclosedQuoteLine,
    );
    records.push(...rest.records);
    errors.push(...rest.errors);
  }
  return { records, errors };
}

function toDraft(cells: readonly string[], map: HeaderMap): ContactDraft {
  const cellOf = (column: Column): string => unguardFormula((cells[column.index] ?? '').trim());
  const columnsOf = (kind: ColumnKind): Column[] => map.columns.filter((column) => column.kind === kind);
  const firstFilled = (kind: ColumnKind): string =>
    columnsOf(kind)
      .map(cellOf)
      .find((value) => value !== '') ?? '';
  const valuesOf = (kind: ColumnKind): SourcedValue[] =>
    columnsOf(kind).flatMap((column) =>
      splitValues(cells[column.index] ?? '').map((value) => ({ value, source: `column "${column.header}"` })),
    );

  const parts = [firstFilled('first'), firstFilled('middle'), firstFilled('last')];
  return {
    name: firstFilled('name') || parts.filter((part) => part !== '').join(' '),
    company: firstFilled('company'),
    emails: valuesOf('email'),
    phones: valuesOf('phone'),
  };
}

function listWithOr(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');
}

/**
 * One cell may hold several addresses or numbers: Google joins them with " ::: ", people and
 * our own export with ";" or ",". Neither an email nor a phone number contains these.
 */
function splitValues(cell: string): string[] {
  return cell
    .split(/:::|[;,\n]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/**
 * A cell starting with = + - @ runs as a formula when the export is opened in a spreadsheet, and
 * contact names come from anyone who can create a contact. A leading apostrophe makes it text.
 * Apostrophes already there get one more, so reading strips exactly one and gives back the name.
 */
function guardFormula(value: string): string {
  return /^'*[=+\-@]/.test(value) ? `'${value}` : value;
}

function unguardFormula(value: string): string {
  return /^'+[=+\-@]/.test(value) ? value.slice(1) : value;
}
