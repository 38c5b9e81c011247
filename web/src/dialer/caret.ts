/** How many dialable characters (digits, + * #) come before `position` in `text`. */
export function dialableBefore(text: string, position: number): number {
  return text.slice(0, position).replace(/[^\d+*#]/g, '').length;
}

/** The position in `formatted` just after its `count`-th dialable character: where the caret belongs. */
export function positionAfterDialable(formatted: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/[\d+*#]/.test(formatted[i] ?? '')) seen++;
    if (seen === count) return i + 1;
  }
  return formatted.length;
}
