import { describe, expect, it } from 'vitest';
import { compile, sql } from './sql.ts';

describe('sql', () => {
  it('numbers placeholders across nested fragments and keeps values out of the text', () => {
    const inner = sql`b = ${2} and c = ${"'; drop"}`;
    const q = compile(
      sql`select * from t where a = ${1} and ${inner} order by ${sql.raw('name')} limit ${3}`,
    );
    expect(q.text).toBe('select * from t where a = $1 and b = $2 and c = $3 order by name limit $4');
    expect(q.values).toEqual([1, 2, "'; drop", 3]);
  });

  it('joins fragments with a separator', () => {
    const q = compile(sql`x in (${sql.join([sql`${1}`, sql`${2}`, sql`${3}`])})`);
    expect(q.text).toBe('x in ($1, $2, $3)');
  });

  it('joins an empty list to nothing', () => {
    expect(compile(sql`a${sql.join([])}b`).text).toBe('ab');
  });
});
