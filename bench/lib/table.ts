export type Cell = string | number;

/** Fixed-decimal rendering that keeps NaN and infinities readable in a table. */
export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** Prints a titled table with right-aligned columns (the first column left-aligned), then notes. */
export function printTable(
  title: string,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  notes: readonly string[] = [],
): void {
  const text = rows.map((row) => row.map((cell) => String(cell)));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...text.map((row) => (row[index] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join("  ");
  console.log(`\n${title}`);
  console.log(`  ${line(columns)}`);
  console.log(`  ${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const row of text) console.log(`  ${line(row)}`);
  for (const note of notes) console.log(`  ${note}`);
}
