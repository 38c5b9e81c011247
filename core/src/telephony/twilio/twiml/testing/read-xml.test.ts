import { describe, expect, it } from 'vitest';
import { childrenNamed, readXml } from './read-xml.ts';

describe('readXml', () => {
  it('reads nested elements, attributes in either quote and decoded text', () => {
    const root = readXml(
      `<?xml version="1.0" encoding="UTF-8"?><R a="1 &amp; 2" b='x'><S>a &lt; b &#233;&#x20AC;</S><E/><S>2</S></R>`,
    );
    expect(root).toEqual({
      name: 'R',
      attributes: { a: '1 & 2', b: 'x' },
      text: '',
      children: [
        { name: 'S', attributes: {}, children: [], text: 'a < b é€' },
        { name: 'E', attributes: {}, children: [], text: '' },
        { name: 'S', attributes: {}, children: [], text: '2' },
      ],
    });
    expect(childrenNamed(root, 'S').map((s) => s.text)).toEqual(['a < b é€', '2']);
  });

  it.each([
    ['a mismatched closing tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a repeated attribute', '<a x="1" x="2"/>'],
    ['two root elements', '<a/><b/>'],
    ['text outside the root', '<a/>tail'],
  ])('rejects %s', (_, xml) => {
    expect(() => readXml(xml)).toThrow();
  });
});
