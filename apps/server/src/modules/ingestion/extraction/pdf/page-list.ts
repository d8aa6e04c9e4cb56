/** "1–3, 7, 9" for pages [1, 2, 3, 7, 9]: short page lists for warnings. */
export function describePages(pages: readonly number[]): string {
  const ranges: string[] = [];
  let index = 0;
  while (index < pages.length) {
    const first = pages[index] ?? 0;
    let last = first;
    while (pages[index + 1] === last + 1) {
      last += 1;
      index += 1;
    }
    ranges.push(first === last ? `${first}` : `${first}–${last}`);
    index += 1;
  }
  return ranges.join(", ");
}
