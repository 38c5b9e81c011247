/**
 * The text layer of vCard 3.0 (RFC 2426) and 4.0 (RFC 6350): folded lines, content lines,
 * parameters and backslash escapes. Knows nothing of contacts.
 */

/** One unfolded `[group.]NAME[;PARAM=value]:value` line. */
export interface ContentLine {
  /** Physical line of the file where it starts. */
  line: number;
  /** Upper case, without its group ("item1.TEL" is "TEL"). */
  name: string;
  /** Upper-case keys; vCard 2.1 bare parameters ("TEL;CELL:") land under TYPE. */
  params: Map<string, string[]>;
  /** As written: escapes are left for the reader of each property, which knows its structure. */
  value: string;
}

export function readContentLines(text: string): ContentLine[] {
  const logical: { line: number; text: string }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((content, index) => {
      const previous = logical.at(-1);
      // A line break followed by one space or tab is a fold: the line goes on without them.
      if (previous && (content.startsWith(' ') || content.startsWith('\t')))
        previous.text += content.slice(1);
      else logical.push({ line: index + 1, text: content });
    });
  return logical.flatMap(({ line, text: content }) => parseContentLine(content, line) ?? []);
}

/** Null for what is not a content line (blank or stray text), which readers skip. */
export function parseContentLine(text: string, line: number): ContentLine | null {
  const colon = indexOutsideQuotes(text, ':');
  if (colon < 0) return null;
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const name = nameWithGroup
    .slice(nameWithGroup.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;

  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const equals = raw.indexOf('=');
    const key = equals < 0 ? 'TYPE' : raw.slice(0, equals).trim().toUpperCase();
    const values = splitOutsideQuotes(equals < 0 ? raw : raw.slice(equals + 1), ',').map((value) =>
      value.trim().replace(/^"(.*)"$/s, '$1'),
    );
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { line, name, params, value: text.slice(colon + 1) };
}

export function hasParam(contentLine: ContentLine, key: string, value: string): boolean {
  return (contentLine.params.get(key) ?? []).some((each) => each.toUpperCase() === value);
}

/** Whether any parameter, bare (2.1) or not, says the value is quoted-printable. */
export function isQuotedPrintable(contentLine: ContentLine): boolean {
  return [...contentLine.params.values()].flat().some((value) => value.toUpperCase() === 'QUOTED-PRINTABLE');
}

export function unescapeText(value: string): string {
  return value.replace(/\\(.)/gs, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

/** Splits a structured value (N, ORG) on separators that are not escaped; parts stay escaped. */
export function splitStructured(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (char === '\\') {
      current += char + (value[index + 1] ?? '');
      index += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/**
 * Lines longer than 75 octets are folded (RFC 6350 §3.2). Cuts fall between characters, never
 * inside one: a multi-byte character split across a fold would not decode.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const octets = Buffer.byteLength(char, 'utf8');
    if (size + octets > limit) {
      pieces.push(current);
      current = '';
      size = 0;
      // Continuation lines start with the space that marks them.
      limit = 74;
    }
    current += char;
    size += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

function indexOutsideQuotes(text: string, target: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === target && !quoted) return index;
  }
  return -1;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
