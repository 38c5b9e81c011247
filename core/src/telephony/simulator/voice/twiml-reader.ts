import { CarrierError } from '../../errors.ts';

/**
 * One TwiML element. TwiML never mixes text and elements meaningfully, so an element keeps its
 * child elements and, separately, its own text (entities decoded, ends trimmed).
 */
export interface TwimlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly TwimlElement[];
  text: string;
}

type TextRule = 'none' | 'optional' | 'required';
interface ElementRule {
  children: readonly string[];
  text: TextRule;
}

const VERBS = ['Say', 'Play', 'Pause', 'Redirect', 'Hangup', 'Reject', 'Gather', 'Dial', 'Record'] as const;

// What the simulator can play. Twilio knows more (Enqueue, Connect, Sip…); refusing them loudly is
// better than skipping a step the server meant to happen.
const RULES: Record<string, ElementRule> = {
  Response: { children: VERBS, text: 'none' },
  Say: { children: [], text: 'optional' },
  Play: { children: [], text: 'optional' },
  Pause: { children: [], text: 'none' },
  Redirect: { children: [], text: 'required' },
  Hangup: { children: [], text: 'none' },
  Reject: { children: [], text: 'none' },
  Gather: { children: ['Say', 'Play', 'Pause'], text: 'none' },
  // <Dial>+15550100</Dial> is the short form of <Dial><Number>+15550100</Number></Dial>.
  Dial: { children: ['Client', 'Number', 'Conference'], text: 'optional' },
  Client: { children: [], text: 'required' },
  // The text is the conference's name.
  Conference: { children: [], text: 'required' },
  Number: { children: [], text: 'required' },
  Record: { children: [], text: 'none' },
};

/**
 * Reads a TwiML document into a tree, strictly: XML that is not well-formed, a root other than
 * <Response>, or a verb the simulator does not play throws an `invalid` CarrierError that says
 * where and what. Twilio would answer such a document with "an application error has occurred".
 */
export function readTwiml(xml: string): TwimlElement {
  const root = parseXml(xml);
  if (root.name !== 'Response') {
    throw twimlError(`the root element is <${root.name}>, and a TwiML document starts with <Response>`);
  }
  checkElement(root);
  return root;
}

function checkElement(element: TwimlElement): void {
  const rule = RULES[element.name] as ElementRule;
  for (const child of element.children) {
    if (!rule.children.includes(child.name)) {
      const allowed = rule.children.length
        ? `it may hold ${rule.children.map((name) => `<${name}>`).join(', ')}`
        : 'it holds no elements';
      throw twimlError(`<${child.name}> is not allowed inside <${element.name}>: ${allowed}`);
    }
    checkElement(child);
  }
  if (rule.text === 'none' && element.text !== '') {
    throw twimlError(`<${element.name}> holds no text, but it holds "${element.text}"`);
  }
  if (rule.text === 'required' && element.text === '') {
    throw twimlError(
      `<${element.name}> needs text (what to ${element.name === 'Redirect' ? 'fetch' : 'dial'})`,
    );
  }
  if (element.name === 'Dial' && element.text !== '' && element.children.length > 0) {
    throw twimlError('<Dial> holds either a number as text or <Client>/<Number> elements, not both');
  }
}

function twimlError(reason: string): CarrierError {
  return new CarrierError('invalid', `The TwiML cannot be played: ${reason}.`);
}

const NAME = /[A-Za-z_][A-Za-z0-9._:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A small XML reader covering what TwiML uses: one root element, attributes in single or double
 * quotes, text, self-closing tags, comments, CDATA, an optional XML declaration, and the five
 * predefined entities plus numeric character references. DOCTYPE and other processing
 * instructions are refused. Names are ASCII, which every TwiML name is.
 */
function parseXml(source: string): TwimlElement {
  let pos = source.startsWith('\uFEFF') ? 1 : 0;

  function fail(reason: string, at = pos): never {
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new CarrierError(
      'invalid',
      `The TwiML is not well-formed XML (line ${line}, column ${column}): ${reason}.`,
    );
  }

  function skipSpace(): void {
    SPACE.lastIndex = pos;
    SPACE.exec(source);
    pos = SPACE.lastIndex;
  }

  function readName(what: string): string {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) fail(`expected ${what}`);
    pos = NAME.lastIndex;
    return match[0];
  }

  function expect(token: string, what = `"${token}"`): void {
    if (!source.startsWith(token, pos)) fail(`expected ${what}`);
    pos += token.length;
  }

  function decode(raw: string, start: number): string {
    return raw.replace(/&([^;&<]*);?/g, (whole, body: string, offset: number) => {
      const at = start + offset;
      if (!whole.endsWith(';')) fail('"&" starts an entity that is never closed with ";" (write &amp;)', at);
      const named = NAMED_ENTITIES[body];
      if (named !== undefined) return named;
      const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
      if (!numeric) fail(`unknown entity &${body}; (XML knows &amp; &lt; &gt; &quot; &apos;)`, at);
      const code = numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) fail(`&${body}; is not a character XML allows`, at);
      return String.fromCodePoint(code);
    });
  }

  function skipComment(): void {
    const end = source.indexOf('-->', pos + 4);
    if (end < 0) fail('a comment is never closed with "-->"');
    pos = end + 3;
  }

  /** Whitespace and comments, which may surround the root element. */
  function skipMisc(): void {
    for (skipSpace(); source.startsWith('<!--', pos); skipSpace()) skipComment();
  }

  function readAttributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (;;) {
      const beforeSpace = pos;
      skipSpace();
      if (source.startsWith('/>', pos) || source.startsWith('>', pos)) return attributes;
      if (pos === beforeSpace) fail('expected whitespace before the next attribute, or ">" or "/>"');
      const nameAt = pos;
      const name = readName('an attribute name, ">" or "/>"');
      if (Object.hasOwn(attributes, name)) fail(`attribute "${name}" appears twice`, nameAt);
      skipSpace();
      expect('=', `"=" after attribute "${name}"`);
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`the value of attribute "${name}" must be in quotes`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail(`the value of attribute "${name}" is never closed`);
      const raw = source.slice(pos + 1, end);
      const lessThan = raw.indexOf('<');
      if (lessThan >= 0) fail(`"<" inside the value of attribute "${name}" (write &lt;)`, pos + 1 + lessThan);
      // XML turns literal tabs and line breaks in attribute values into spaces; references stay.
      const value = decode(raw.replace(/[\t\n\r]/g, ' '), pos + 1);
      // defineProperty, so an attribute named __proto__ stays data.
      Object.defineProperty(attributes, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      pos = end + 1;
    }
  }

  function readElement(): TwimlElement {
    const openAt = pos;
    expect('<');
    const name = readName('an element name after "<"');
    const attributes = readAttributes();
    if (source.startsWith('/>', pos)) {
      pos += 2;
      return { name, attributes, children: [], text: '' };
    }
    expect('>');
    const children: TwimlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= source.length) fail(`<${name}> is never closed`, openAt);
      if (source.startsWith('</', pos)) break;
      if (source.startsWith('<!--', pos)) {
        skipComment();
      } else if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos);
        if (end < 0) fail('a CDATA section is never closed with "]]>"');
        text += source.slice(pos + 9, end);
        pos = end + 3;
      } else if (source.startsWith('<?', pos) || source.startsWith('<!', pos)) {
        fail('processing instructions and declarations are only allowed before the root element');
      } else if (source[pos] === '<') {
        children.push(readElement());
      } else {
        const end = source.indexOf('<', pos);
        const raw = source.slice(pos, end < 0 ? source.length : end);
        if (raw.includes(']]>')) fail('"]]>" is not allowed in text', pos + raw.indexOf(']]>'));
        text += decode(raw, pos);
        pos += raw.length;
      }
    }
    const closeAt = pos;
    pos += 2;
    const closing = readName(`the name of the closing tag for <${name}>`);
    if (closing !== name) fail(`</${closing}> closes <${name}>`, closeAt);
    skipSpace();
    expect('>', `">" to end </${name}>`);
    return { name, attributes, children, text: text.trim() };
  }

  if (source.startsWith('<?xml', pos)) {
    const end = source.indexOf('?>', pos);
    if (end < 0) fail('the XML declaration is never closed with "?>"');
    pos = end + 2;
  }
  skipMisc();
  if (source.startsWith('<!DOCTYPE', pos)) fail('a DOCTYPE is not allowed in TwiML');
  if (pos >= source.length) fail('the document is empty');
  if (source[pos] !== '<') fail('text before the root element');
  const root = readElement();
  skipMisc();
  if (pos < source.length) fail('content after the root element');
  return root;
}
