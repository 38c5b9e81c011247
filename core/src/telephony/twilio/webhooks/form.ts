/**
 * application/x-www-form-urlencoded, the body of every Twilio voice webhook. A key sent several
 * times (e.g. `StatusCallbackEvent`) stays several values, as Twilio signs each of them.
 */
export type FormParams = Readonly<Record<string, string | readonly string[]>>;

export function formBody(params: FormParams): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of typeof value === 'string' ? [value] : value) form.append(key, item);
  }
  return form.toString();
}

/**
 * Keys keep their first-seen order, except that JavaScript objects list integer-like keys first;
 * Twilio sends none. Object.fromEntries defines own properties, so a `__proto__` key is data.
 */
export function parseForm(body: string): Record<string, string | string[]> {
  const values = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = values.get(key);
    if (seen) seen.push(value);
    else values.set(key, [value]);
  }
  return Object.fromEntries(
    [...values].map(([key, all]) => [key, all.length === 1 ? (all[0] as string) : all]),
  );
}
