/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up as soon as it must
 * exceed `limit`: the typo test behind fuzzy term lookup.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let previousRow = new Array<number>(width);
  let row = new Array<number>(width);
  let beforePrevious = new Array<number>(width);
  for (let j = 0; j < width; j++) previousRow[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2] + 1);
      }
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrevious, previousRow, row] = [previousRow, row, beforePrevious];
  }
  return previousRow[b.length];
}
