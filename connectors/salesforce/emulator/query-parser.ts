/**
 * A small parser for the SOQL and SOSL Parley sends (soql_sosl guide): enough grammar to answer
 * those queries from state and to refuse anything else as Salesforce would (MALFORMED_QUERY).
 */

export type Literal = string | number | boolean | null | Date;
export type Operator = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'LIKE';
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; inner: Condition }
  | { kind: 'compare'; field: string; op: Operator; value: Literal };

export interface OrderBy {
  field: string;
  descending: boolean;
}

export interface SoqlQuery {
  fields: string[];
  object: string;
  where?: Condition;
  orderBy: OrderBy[];
  limit?: number;
}

export interface SoslSearch {
  terms: string[];
  scope: string;
  returning: SoqlQuery[];
}

export class QueryParseError extends Error {
  override name = 'QueryParseError';
}

type Token =
  | { type: 'word'; text: string }
  | { type: 'string'; text: string }
  | { type: 'number'; value: number }
  | { type: 'datetime'; value: Date }
  | { type: 'symbol'; text: string };

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  "'": "'",
  '"': '"',
  '\\': '\\',
  // LIKE patterns keep their escaped wildcards, unescaped by `likeMatches`.
  '%': '\\%',
  _: '\\_',
};

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const char = text[i] ?? '';
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      tokens.push({ type: 'datetime', value: new Date(datetime[0]) });
      i += datetime[0].length;
      continue;
    }
    if (char === "'") {
      let value = '';
      i++;
      for (;;) {
        const next = text[i];
        if (next === undefined) throw new QueryParseError('unterminated string literal');
        if (next === "'") break;
        if (next === '\\') {
          const escaped = STRING_ESCAPES[text[i + 1] ?? ''];
          if (escaped === undefined) throw new QueryParseError(`invalid escape sequence \\${text[i + 1]}`);
          value += escaped;
          i += 2;
          continue;
        }
        value += next;
        i++;
      }
      i++;
      tokens.push({ type: 'string', text: value });
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      tokens.push({ type: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    const symbol = /^(<=|>=|!=|<>|[=<>(),])/.exec(rest);
    if (!symbol) throw new QueryParseError(`unexpected character ${char}`);
    tokens.push({ type: 'symbol', text: symbol[0] === '<>' ? '!=' : symbol[0] });
    i += symbol[0].length;
  }
  return tokens;
}

class Cursor {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peekKeyword(...words: string[]): boolean {
    const token = this.tokens[this.at];
    return token?.type === 'word' && words.includes(token.text.toUpperCase());
  }

  peekSymbol(text: string): boolean {
    const token = this.tokens[this.at];
    return token?.type === 'symbol' && token.text === text;
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw new QueryParseError('unexpected end of query');
    return token;
  }

  keyword(word: string): void {
    if (!this.peekKeyword(word)) throw new QueryParseError(`expected ${word}`);
    this.at++;
  }

  symbol(text: string): void {
    if (!this.peekSymbol(text)) throw new QueryParseError(`expected ${text}`);
    this.at++;
  }

  name(): string {
    const token = this.next();
    if (token.type !== 'word') throw new QueryParseError('expected a name');
    return token.text;
  }
}

function literal(cursor: Cursor): Literal {
  const token = cursor.next();
  if (token.type === 'string') return token.text;
  if (token.type === 'number') return token.value;
  if (token.type === 'datetime') return token.value;
  if (token.type === 'word') {
    const word = token.text.toLowerCase();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
  }
  throw new QueryParseError('expected a value');
}

const OPERATORS: readonly string[] = ['=', '!=', '<', '>', '<=', '>='];
function isOperator(text: string): text is Operator {
  return OPERATORS.includes(text);
}

function comparison(cursor: Cursor): Condition {
  if (cursor.peekKeyword('NOT')) {
    cursor.next();
    return { kind: 'not', inner: comparison(cursor) };
  }
  if (cursor.peekSymbol('(')) {
    cursor.next();
    const inner = disjunction(cursor);
    cursor.symbol(')');
    return inner;
  }
  const field = cursor.name();
  if (cursor.peekKeyword('LIKE')) {
    cursor.next();
    return { kind: 'compare', field, op: 'LIKE', value: literal(cursor) };
  }
  const op = cursor.next();
  if (op.type !== 'symbol' || !isOperator(op.text))
    throw new QueryParseError('expected a comparison operator');
  return { kind: 'compare', field, op: op.text, value: literal(cursor) };
}

function conjunction(cursor: Cursor): Condition {
  let left = comparison(cursor);
  while (cursor.peekKeyword('AND')) {
    cursor.next();
    left = { kind: 'and', left, right: comparison(cursor) };
  }
  return left;
}

function disjunction(cursor: Cursor): Condition {
  let left = conjunction(cursor);
  while (cursor.peekKeyword('OR')) {
    cursor.next();
    left = { kind: 'or', left, right: conjunction(cursor) };
  }
  return left;
}

function fieldList(cursor: Cursor): string[] {
  const fields = [cursor.name()];
  while (cursor.peekSymbol(',')) {
    cursor.next();
    fields.push(cursor.name());
  }
  return fields;
}

/** WHERE, ORDER BY and LIMIT, shared by SOQL and SOSL's RETURNING clauses. */
function clauses(cursor: Cursor, object: string, fields: string[]): SoqlQuery {
  const query: SoqlQuery = { fields, object, orderBy: [] };
  if (cursor.peekKeyword('WHERE')) {
    cursor.next();
    query.where = disjunction(cursor);
  }
  if (cursor.peekKeyword('ORDER')) {
    cursor.next();
    cursor.keyword('BY');
    do {
      if (cursor.peekSymbol(',')) cursor.next();
      const field = cursor.name();
      let descending = false;
      if (cursor.peekKeyword('ASC', 'DESC')) descending = cursor.name().toUpperCase() === 'DESC';
      query.orderBy.push({ field, descending });
    } while (cursor.peekSymbol(','));
  }
  if (cursor.peekKeyword('LIMIT')) {
    cursor.next();
    const limit = cursor.next();
    if (limit.type !== 'number' || !Number.isInteger(limit.value) || limit.value < 0) {
      throw new QueryParseError('LIMIT takes a whole number');
    }
    query.limit = limit.value;
  }
  return query;
}

export function parseSoql(text: string): SoqlQuery {
  const cursor = new Cursor(tokenize(text));
  cursor.keyword('SELECT');
  const fields = fieldList(cursor);
  cursor.keyword('FROM');
  const query = clauses(cursor, cursor.name(), fields);
  if (!cursor.done()) throw new QueryParseError('unexpected text after the query');
  return query;
}

/** The braces of FIND hold the search expression; a backslash escapes reserved characters. */
function findBlock(text: string): { expression: string; rest: string } {
  const open = /^\s*FIND\s*\{/i.exec(text);
  if (!open) throw new QueryParseError('expected FIND {');
  let expression = '';
  for (let i = open[0].length; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      expression += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (char === '}') return { expression, rest: text.slice(i + 1) };
    expression += char;
  }
  throw new QueryParseError('unterminated FIND {…}');
}

const UNESCAPED_RESERVED = /(?<!\\)[&|!(){}[\]^"~:'+-]/;

export function parseSosl(text: string): SoslSearch {
  const { expression, rest } = findBlock(text);
  const terms = expression.split(/\s+OR\s+/).map((term) => {
    if (UNESCAPED_RESERVED.test(term)) throw new QueryParseError(`unescaped reserved character in ${term}`);
    return term.replace(/\\(.)/g, '$1').trim();
  });
  const cursor = new Cursor(tokenize(rest));
  cursor.keyword('IN');
  const scope = cursor.name().toUpperCase();
  cursor.keyword('FIELDS');
  cursor.keyword('RETURNING');
  const returning: SoqlQuery[] = [];
  do {
    if (cursor.peekSymbol(',')) cursor.next();
    const object = cursor.name();
    cursor.symbol('(');
    returning.push(clauses(cursor, object, fieldList(cursor)));
    cursor.symbol(')');
  } while (cursor.peekSymbol(','));
  if (!cursor.done()) throw new QueryParseError('unexpected text after RETURNING');
  return { terms, scope, returning };
}
