/**
 * A parameterised query built from a tagged template: values become $1, $2… and never touch
 * the SQL text, so no query in Parley is built by concatenating user data.
 */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

class Fragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

class Raw {
  constructor(readonly text: string) {}
}

export type SqlFragment = Fragment;

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  return new Fragment([...strings], values);
}

/** Trusted SQL text (identifiers, sort directions chosen from a fixed list). Never user input. */
sql.raw = (text: string): Raw => new Raw(text);

sql.join = (parts: readonly Fragment[], separator = ', '): Fragment => {
  if (parts.length === 0) return new Fragment([''], []);
  const strings: string[] = [''];
  const values: unknown[] = [];
  parts.forEach((part, index) => {
    if (index > 0) strings[strings.length - 1] += separator;
    values.push(part);
    strings.push('');
  });
  return new Fragment(strings, values);
};

export function compile(fragment: Fragment): SqlQuery {
  const values: unknown[] = [];
  const text = render(fragment, values);
  return { text, values };
}

function render(fragment: Fragment, values: unknown[]): string {
  let text = fragment.strings[0] ?? '';
  fragment.values.forEach((value, index) => {
    if (value instanceof Fragment) text += render(value, values);
    else if (value instanceof Raw) text += value.text;
    else {
      values.push(value);
      text += `$${values.length}`;
    }
    text += fragment.strings[index + 1] ?? '';
  });
  return text;
}
