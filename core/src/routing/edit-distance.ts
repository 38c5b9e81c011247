/**
 * Damerau-Levenshtein distance in its optimal string alignment form: insertions, deletions,
 * substitutions and swaps of adjacent characters each cost 1, and no substring is edited twice.
 * Counts UTF-16 code units, which is enough for the accent-stripped words it compares.
 */
export function editDistance(a: string, b: string): number {
  // Rows i-2, i-1 and i of the usual (|a|+1) × (|b|+1) table.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2]! + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
