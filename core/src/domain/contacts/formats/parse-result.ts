import type { ContactInput } from './contact-input.ts';

/** What one import file gave: the contacts that read cleanly, and each problem with where to find it. */
export interface ParseResult {
  rows: { line: number; contact: ContactInput }[];
  errors: ParseError[];
  warnings: string[];
  /** Records seen (contacts read plus records refused); blank rows are not counted. */
  total: number;
}

export interface ParseError {
  /** 1-based line in the file: the row's first line in CSV (header is line 1), BEGIN:VCARD in vCard. */
  line: number;
  /** The contact field the problem is about, when it is about one: name, company, emails, phones. */
  field?: string;
  message: string;
}

export function emptyFileResult(): ParseResult {
  return { rows: [], errors: [], warnings: ['The file is empty.'], total: 0 };
}
