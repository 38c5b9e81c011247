import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { translateMessage } from './messages-fr.ts';

/**
 * Guard: every message the code can put in an API error has a French version. It reads the
 * sources (not the running app) so a message behind a rare branch counts as much as a common one.
 *
 * What counts as a message: the message argument of `new AppError`, `fieldError`, `new CarrierError`
 * and `new CrmError` (http/errors.ts only ever shows AppError messages; sync/admin.ts and
 * numbers/carrier-errors.ts pass CRM and carrier messages on unchanged), `fields: { … }` values,
 * contact-file row errors (`{ line, message }`, `missingName`), zod messages (`error:`/`message:`
 * params, `.min(n, msg)`-style arguments, `addIssue`), a const or a `TABLE[key]` given there, and the
 * same through any function that passes one of its parameters into such a place. A template literal
 * counts as covered when a pattern translates a sample of it with its `${…}` filled in.
 *
 * Not followed (so not guarded): a message built in one variable and thrown from another function,
 * or held in an object field other than those above. Name-based: a wrapper's name counts everywhere.
 */
const ROOT = new URL('../../../', import.meta.url);
const SOURCE_DIRS = ['core/src', 'connectors'];

/** Sources that never answer an API request, so their messages need no French. */
const EXCLUDED: [RegExp, string][] = [
  [/\.test\.ts$/, 'tests'],
  [/(^|\/)testing\//, 'test helpers'],
  [/(^|\/)emulators?(\/|\.ts$)/, 'CRM and carrier emulators: they stand for the vendor, not Parley'],
  [/(^|\/)node_modules\//, 'dependencies'],
  [/^core\/src\/cli\//, 'command line: prints to a terminal, never to an API client'],
  [/^core\/src\/config\/env\.ts$/, 'startup settings: a bad one stops the server before any request'],
  [/^core\/src\/telephony\/twilio\/webhooks\/payloads\.ts$/, 'answers Twilio’s own webhook requests'],
  [
    /^core\/src\/telephony\/simulator\/(voice\/|conference-)/,
    'the simulated network’s report on Parley’s own TwiML: a bug report for developers, shown wrapped in "The simulated call failed: …"',
  ],
  [/^core\/bench\//, 'benchmarks'],
];

/** Functions whose argument at this position is a message; wrappers found in the sources are added. */
const BASE_SINKS: Record<string, number> = { AppError: 2, fieldError: 1, CarrierError: 1, CrmError: 1 };

/** zod calls whose last argument, after another, may be the message: `.min(1, 'Enter a name')`. */
const ZOD_AFTER_ARGUMENT = new Set(
  'min max length regex startsWith endsWith includes gte lte gt lt multipleOf refine enum literal array object strictObject'.split(
    ' ',
  ),
);
/** zod calls whose only argument may be the message: `z.string('…')`, `.email('…')`. */
const ZOD_ONLY_ARGUMENT = new Set(
  'string number boolean email url uuid int e164 positive nonnegative negative nonempty finite safe datetime date time'.split(
    ' ',
  ),
);

interface Found {
  where: string;
  /** The English text, `${…}` replaced by \u0000 in templates. */
  text: string;
  template: boolean;
  /** Each `${…}`: its source, to fill it with a value that reads like it, or a value it can take. */
  holes: { source: string; value?: string }[];
}

function sourceFiles(): string[] {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS)
    for (const entry of readdirSync(new URL(dir, ROOT), { recursive: true, encoding: 'utf8' })) {
      const path = `${dir}/${entry}`;
      if (path.endsWith('.ts') && !path.endsWith('.d.ts') && !EXCLUDED.some(([re]) => re.test(path)))
        files.push(path);
    }
  return files.sort();
}

const HOLE = '\u0000';

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The leftmost identifier of a chain such as `z.string().min(1, …)`. */
function chainRoot(node: ts.Expression): string | undefined {
  let current: ts.Expression = node;
  for (;;) {
    if (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) current = current.expression;
    else if (ts.isIdentifier(current)) return current.text;
    else return undefined;
  }
}

function isZodChain(node: ts.CallExpression): boolean {
  const root = chainRoot(node.expression);
  return root === 'z' || (root !== undefined && /Schema$/.test(root));
}

function enclosingFunction(
  node: ts.Node,
): ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (ts.isFunctionDeclaration(current) || ts.isArrowFunction(current) || ts.isFunctionExpression(current))
      return current;
  return undefined;
}

function functionName(
  fn: ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression,
): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  if (ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return undefined;
}

class Scanner {
  readonly found: Found[] = [];
  readonly sinks = new Map<string, number>(Object.entries(BASE_SINKS));
  /** Functions whose return value is a message: their returned strings are collected too. */
  readonly messageFunctions = new Set<string>();
  /** Every function declared in the sources, by name: a call to one may return a message. */
  private readonly functions = new Set<string>();
  /** `path:name` → initializer, so a `const message` in one file never stands for another's. */
  private readonly consts = new Map<string, ts.Expression>();
  private readonly sources: [string, ts.SourceFile][];

  /** `files`: path and source text. */
  constructor(files: [string, string][]) {
    this.sources = files.map(([path, text]) => [
      path,
      ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true),
    ]);
    for (const [path, source] of this.sources) this.index(path, source);
  }

  private index(path: string, node: ts.Node): void {
    if (ts.isFunctionDeclaration(node) && node.name) this.functions.add(node.name.text);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
        this.functions.add(node.name.text);
      else if (
        ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Const ||
        node.parent.flags & ts.NodeFlags.Const
      )
        this.consts.set(`${path}:${node.name.text}`, node.initializer);
    }
    ts.forEachChild(node, (child) => this.index(path, child));
  }

  run(): Found[] {
    // Wrappers are discovered while scanning, so scan until no new sink appears.
    for (let size = -1; size !== this.sinks.size + this.messageFunctions.size; ) {
      size = this.sinks.size + this.messageFunctions.size;
      this.found.length = 0;
      for (const [path, source] of this.sources) this.visit(path, source, source);
    }
    const seen = new Set<string>();
    return this.found.filter((f) => !seen.has(f.text) && seen.add(f.text));
  }

  private visit(path: string, source: ts.SourceFile, node: ts.Node): void {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) this.call(path, source, node);
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      const key = node.name.text;
      if (key === 'fields' && ts.isObjectLiteralExpression(node.initializer))
        for (const property of node.initializer.properties)
          if (ts.isPropertyAssignment(property)) this.message(path, source, property.initializer);
      if ((key === 'message' && this.isIssueOrRow(node)) || key === 'missingName')
        this.message(path, source, node.initializer);
    }
    if (ts.isReturnStatement(node) && node.expression) {
      const fn = enclosingFunction(node);
      const name = fn && functionName(fn);
      if (name && this.messageFunctions.has(name)) this.message(path, source, node.expression);
    }
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) {
      const name = functionName(node);
      if (name && this.messageFunctions.has(name)) this.message(path, source, node.body);
    }
    ts.forEachChild(node, (child) => this.visit(path, source, child));
  }

  /**
   * A zod issue (`ctx.addIssue({ message })`) or a contact file's row error (`{ line, message }`):
   * the first row error of a file that reads as nothing becomes the API error (contacts/imports.ts).
   * Other `{ message }` objects (troubleshooting findings, stored states) are data, not errors.
   */
  private isIssueOrRow(node: ts.PropertyAssignment): boolean {
    const object = node.parent;
    const hasLine = object.properties.some(
      (p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'line',
    );
    const call = object.parent;
    return hasLine || (ts.isCallExpression(call) && calleeName(call) === 'addIssue');
  }

  private call(path: string, source: ts.SourceFile, node: ts.CallExpression | ts.NewExpression): void {
    const name = calleeName(node);
    const args = node.arguments ?? ts.factory.createNodeArray();
    if (name !== undefined && this.sinks.has(name)) {
      const index = this.sinks.get(name) ?? 0;
      const arg = args[index];
      if (arg) this.message(path, source, arg);
    }
    if (ts.isCallExpression(node) && name !== undefined && isZodChain(node)) {
      for (const arg of args)
        if (ts.isObjectLiteralExpression(arg))
          for (const property of arg.properties)
            if (
              ts.isPropertyAssignment(property) &&
              ts.isIdentifier(property.name) &&
              (property.name.text === 'error' || property.name.text === 'message')
            )
              this.message(path, source, property.initializer);
      const last = args[args.length - 1];
      const messageLast = args.length >= 2 ? ZOD_AFTER_ARGUMENT.has(name) : ZOD_ONLY_ARGUMENT.has(name);
      if (last && messageLast && !ts.isObjectLiteralExpression(last) && !ts.isArrayLiteralExpression(last))
        this.message(path, source, last);
    }
  }

  /** The values of `TABLE[key]` when TABLE is a const object literal of this file. */
  private table(path: string, node: ts.Expression): ts.Expression[] {
    if (!ts.isElementAccessExpression(node) || !ts.isIdentifier(node.expression)) return [];
    const object = this.consts.get(`${path}:${node.expression.text}`);
    if (!object || !ts.isObjectLiteralExpression(object)) return [];
    return object.properties.filter(ts.isPropertyAssignment).map((p) => p.initializer);
  }

  /** Records the strings an expression can evaluate to; follows consts, wrappers and message functions. */
  private message(path: string, source: ts.SourceFile, node: ts.Expression): void {
    const where = `${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      this.found.push({ where, text: node.text, template: false, holes: [] });
    } else if (ts.isTemplateExpression(node)) {
      const text = node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('');
      const holes = node.templateSpans.map((span) => {
        // `${ADVICE[kind]}`: each sentence of the table is a message, and one of them fills the hole.
        const table = this.table(path, span.expression);
        for (const value of table) this.message(path, source, value);
        const first = table.find(ts.isStringLiteral);
        return { source: span.expression.getText(source), ...(first ? { value: first.text } : {}) };
      });
      this.found.push({ where, text, template: true, holes });
    } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
      this.message(path, source, node.expression);
    } else if (ts.isConditionalExpression(node)) {
      this.message(path, source, node.whenTrue);
      this.message(path, source, node.whenFalse);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
    ) {
      this.message(path, source, node.left);
      this.message(path, source, node.right);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const part = (side: ts.Expression) =>
        ts.isStringLiteral(side) || ts.isNoSubstitutionTemplateLiteral(side) ? side.text : HOLE;
      const holes = [node.left, node.right]
        .filter((side) => part(side) === HOLE)
        .map((side) => ({ source: side.getText(source) }));
      this.found.push({ where, text: part(node.left) + part(node.right), template: true, holes });
    } else if (ts.isIdentifier(node)) {
      const fn = enclosingFunction(node);
      const parameter = fn?.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === node.text);
      const name = fn && functionName(fn);
      if (fn && name && parameter !== undefined && parameter >= 0) this.sinks.set(name, parameter);
      else {
        const value = this.consts.get(`${path}:${node.text}`);
        if (value) this.message(path, source, value);
      }
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name && this.functions.has(name)) this.messageFunctions.add(name);
    } else if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) {
      this.message(path, source, node.body);
    } else {
      for (const value of this.table(path, node)) this.message(path, source, value);
    }
  }
}

/** A value like the one the code puts in a hole, from how the hole's expression is named. */
const LIKELY: [RegExp, string][] = [
  [/\bwhere\b/, 'Row 7'],
  [/\blabel\b/, 'Monday, range 2'],
  [/day\b/i, 'Monday'],
  [/e164|phone/i, '+33612345678'],
  [/line|count|seconds|status|max|min|limit|length|size|total|used|seats|index|\bms\b|[A-Z]{3,}_/i, '7'],
];
/** Then the same value in every hole, for holes whose names say nothing. */
const SAMPLES = ['Sample', '7', 'Monday', '+33612345678'];

function fill(found: Found, value: (hole: string) => string): string {
  let index = 0;
  return found.text.replaceAll(HOLE, () => {
    const hole = found.holes[index++];
    return hole?.value ?? value(hole?.source ?? '');
  });
}

/** Translated means changed beyond the no-break spaces French puts before : ? ! */
function translates(english: string): boolean {
  return translateMessage(english).replaceAll('\u00a0', ' ') !== english;
}

function covered(found: Found): boolean {
  if (!found.template) return translates(found.text);
  const likely = fill(found, (hole) => LIKELY.find(([re]) => re.test(hole))?.[1] ?? 'Sample');
  return translates(likely) || SAMPLES.some((sample) => translates(fill(found, () => sample)));
}

/** Strings found in message positions that are not words for a person (codes, keys, ids). */
function isProse(text: string): boolean {
  return /[A-Za-z]{2,}/.test(text.replaceAll(HOLE, '')) && /\s/.test(text.replaceAll(HOLE, ' x '));
}

function scan(files: [string, string][]): Found[] {
  return new Scanner(files).run().filter((f) => isProse(f.text));
}

function untranslated(found: Found[]): string[] {
  return found
    .filter((f) => !covered(f))
    .map((f) => `${relative('.', f.where)}  ${f.text.replaceAll(HOLE, '{…}')}`);
}

describe('the message scanner', () => {
  it('flags untranslated messages of every kind it reads, and passes translated ones', () => {
    const source = [
      "import { z } from 'zod';",
      "const MESSAGE = 'A constant nobody translated.';",
      'const TIPS = { a: "Advice nobody translated.", b: "Parley will retry shortly." };',
      'function invalid(field: string, why: string) { return fieldError(field, why); }',
      "export const Body = z.object({ name: z.string().min(1, 'A zod message nobody translated') });",
      "export const Other = z.string({ error: 'Another zod message nobody translated' });",
      "function because() { return 'A returned message nobody translated.'; }",
      'export function f(n: number, kind: string) {',
      "  if (n) throw new AppError('invalid', 'x', 'An error nobody translated.');",
      "  if (n > 1) throw new CrmError('auth', MESSAGE, { crm: 'hubspot' });",
      `  if (n > 2) throw invalid('x', \`\${n} things nobody translated.\`);`,
      `  if (n > 3) throw new AppError('invalid', 'x', \`It said: \${kind} \${TIPS[kind]}\`);`,
      "  if (n > 4) throw new AppError('not_found', 'x', 'No such call in this account.');",
      "  if (n > 5) throw new AppError('invalid', 'x', because());",
      "  const errors = [{ line: n, message: 'A row error nobody translated.' }];",
      '  return errors;',
      '}',
    ].join('\n');
    expect(
      untranslated(scan([['core/src/example.ts', source]]))
        .map((line) => line.split('  ')[1])
        .sort(),
    ).toEqual(
      [
        'A constant nobody translated.',
        'A zod message nobody translated',
        'Another zod message nobody translated',
        'An error nobody translated.',
        '{…} things nobody translated.',
        'It said: {…} {…}',
        'Advice nobody translated.',
        'A row error nobody translated.',
        'A returned message nobody translated.',
      ].sort(),
    );
  });
});

describe('every API error message has a French version', () => {
  const files = sourceFiles();
  const messages = scan(files.map((path) => [path, readFileSync(new URL(path, ROOT), 'utf8')]));

  it('finds the messages it is meant to find', () => {
    const texts = messages.map((f) => f.text);
    // One of each kind of source, so a scanner that finds nothing cannot pass.
    expect(texts).toContain('No such call in this account.');
    expect(texts).toContain('Enter a name');
    expect(texts.some((t) => t.startsWith('Parley has no connector for "'))).toBe(true);
    expect(messages.length).toBeGreaterThan(200);
  });

  it('translates each fixed message and each built one', () => {
    const missing = untranslated(messages);
    expect(
      missing,
      `${missing.length} without French (add them to messages-fr.ts):\n${missing.join('\n')}\n`,
    ).toEqual([]);
  });
});
