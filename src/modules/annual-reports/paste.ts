/**
 * Reading tables pasted from Word, Excel or a web page: every line that carries at least `width` numbers is
 * a row, and its last `width` numbers are the cells (row labels such as "1.属于国家秘密" carry digits too).
 */
export function parsePastedRows(text: string, width: number): number[][] {
  const rows: number[][] = [];
  for (const line of text.split(/\r?\n/)) {
    // Cells split by tabs or spaces: commas inside them are thousands separators; otherwise commas split cells.
    const spaced = /\t|\d\s+-?\d/.test(line);
    const clean = spaced ? line.replace(/(\d)[，,](?=\d{3}(?!\d))/g, '$1') : line;
    const numbers = [...clean.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
    if (numbers.length >= width) rows.push(numbers.slice(-width));
  }
  return rows;
}

/** All the numbers of a pasted block, the last `count` of them (Table 4 is one row of 15). */
export function parsePastedNumbers(text: string, count: number): number[] | null {
  const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  return numbers.length >= count ? numbers.slice(-count) : null;
}
