/** Binary searches over ascending offset arrays (sentence ends, paragraph starts, ...). */

/** Index of the first element > value (array length when none). */
export function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first element ≥ value (array length when none). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Largest element in (above, atMost], if any. */
export function largestIn(sorted: readonly number[], above: number, atMost: number): number | undefined {
  const value = sorted[upperBound(sorted, atMost) - 1];
  return value !== undefined && value > above ? value : undefined;
}

/** Smallest element in [atLeast, below), if any. */
export function smallestIn(sorted: readonly number[], atLeast: number, below: number): number | undefined {
  const value = sorted[lowerBound(sorted, atLeast)];
  return value !== undefined && value < below ? value : undefined;
}
