import type { PiiFinding } from "./types.js";

/** Higher confidence first; then the longer span, then the earlier one, so results are stable. */
function preferred(a: PiiFinding, b: PiiFinding): number {
  return (
    b.confidence - a.confidence ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    a.recognizer.localeCompare(b.recognizer)
  );
}

function overlaps(a: PiiFinding, b: PiiFinding): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Greedy pick inside one group of mutually connected overlaps: best first, skip what it overlaps. */
function resolveCluster(cluster: PiiFinding[], into: PiiFinding[]): void {
  if (cluster.length === 1) {
    const only = cluster[0];
    if (only) into.push(only);
    return;
  }
  const kept: PiiFinding[] = [];
  for (const finding of [...cluster].sort(preferred)) {
    if (!kept.some((other) => overlaps(other, finding))) kept.push(finding);
  }
  into.push(...kept.sort((a, b) => a.start - b.start));
}

/**
 * Resolves overlapping findings (two recognizers on one digit run, a name inside an e-mail
 * address) by keeping the highest-confidence one. Works cluster by cluster, a cluster being a
 * chain of overlapping spans, which gives the same result as one global greedy pass in O(n log n).
 * Returns non-overlapping findings sorted by start.
 */
export function mergeFindings(findings: readonly PiiFinding[]): PiiFinding[] {
  const byStart = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiFinding[] = [];
  let cluster: PiiFinding[] = [];
  let clusterEnd = -1;
  for (const finding of byStart) {
    if (finding.end <= finding.start) continue;
    if (cluster.length > 0 && finding.start >= clusterEnd) {
      resolveCluster(cluster, merged);
      cluster = [];
    }
    cluster.push(finding);
    clusterEnd = Math.max(clusterEnd, finding.end);
  }
  if (cluster.length > 0) resolveCluster(cluster, merged);
  return merged;
}
