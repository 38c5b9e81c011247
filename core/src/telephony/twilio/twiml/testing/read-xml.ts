/**
 * A small XML reader for tests: elements, attributes and text, enough to check TwiML attribute by
 * attribute without trusting the string form the builder happens to produce (attribute order,
 * quoting, self-closing tags). It rejects what it does not understand rather than guessing.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded; text inside child elements is not included. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ATTRIBUTE = /^\s+([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function readXml(xml: string): XmlElement {
  let rest = xml.replace(/^<\?xml[^?]*\?>/, '').trimStart();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  while (rest.length > 0) {
    const open = stack.at(-1);
    if (rest.startsWith('</')) {
      const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest);
      if (!close || !open || close[1] !== open.name)
        throw new Error(`unexpected closing tag at: ${rest.slice(0, 40)}`);
      stack.pop();
      rest = rest.slice(close[0].length);
    } else if (rest.startsWith('<')) {
      if (!open && root) throw new Error(`a second root element at: ${rest.slice(0, 40)}`);
      const [element, length, selfClosing] = readTag(rest);
      if (open) open.children.push(element);
      else root = element;
      if (!selfClosing) stack.push(element);
      rest = rest.slice(length);
    } else {
      const end = rest.indexOf('<');
      const text = end === -1 ? rest : rest.slice(0, end);
      if (!open) {
        if (text.trim()) throw new Error(`text outside the root element: ${text.slice(0, 40)}`);
      } else {
        open.text += decode(text);
      }
      rest = end === -1 ? '' : rest.slice(end);
    }
  }
  if (!root || stack.length > 0) throw new Error('the document has no root element or an unclosed element');
  return root;
}

function readTag(source: string): [XmlElement, number, boolean] {
  const name = NAME.exec(source.slice(1));
  if (!name) throw new Error(`bad tag at: ${source.slice(0, 40)}`);
  const element: XmlElement = { name: name[0], attributes: {}, children: [], text: '' };
  let rest = source.slice(1 + name[0].length);
  for (let attribute = ATTRIBUTE.exec(rest); attribute; attribute = ATTRIBUTE.exec(rest)) {
    const [whole, key, doubleQuoted, singleQuoted] = attribute;
    if (key! in element.attributes) throw new Error(`attribute ${key} given twice on <${element.name}>`);
    element.attributes[key!] = decode(doubleQuoted ?? singleQuoted ?? '');
    rest = rest.slice(whole.length);
  }
  const end = /^\s*(\/?)>/.exec(rest);
  if (!end) throw new Error(`bad attributes on <${element.name}> at: ${rest.slice(0, 40)}`);
  const length = source.length - rest.length + end[0].length;
  return [element, length, end[1] === '/'];
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`a bare & in: ${text}`);
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    const named = ENTITIES[entity];
    if (named === undefined) throw new Error(`unknown entity ${whole}`);
    return named;
  });
}

/** The element's child elements by name, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
