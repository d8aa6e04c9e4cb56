import type { DocumentChunk } from "@tributary/contracts";

/** The numbers a marker pattern (one capture group) finds in a text, e.g. `Page (\d+) line`. */
export function markerNumbers(text: string, marker: RegExp): number[] {
  const global = new RegExp(marker.source, "g");
  return [...new Set([...text.matchAll(global)].map((match) => Number(match[1])))].sort((a, b) => a - b);
}

/** The slides a chunk says it comes from (PPTX keeps them in the chunk's metadata). */
export function chunkSlides(chunk: DocumentChunk): number[] {
  const { slide, slides } = chunk.metadata as { slide?: number; slides?: number[] };
  return slides ?? (slide === undefined ? [] : [slide]);
}

export interface Section {
  readonly path: readonly string[];
  /** Text only this section (its heading or its body) contains. */
  readonly pattern: RegExp;
}

/**
 * The heading path a chunk should carry: the longest path shared by every section its content
 * touches (a chunk that runs across a heading belongs to the enclosing section only).
 */
export function expectedHeadingPath(content: string, sections: readonly Section[]): string[] {
  const touched = sections.filter((section) => section.pattern.test(content)).map((section) => section.path);
  const [first, ...rest] = touched;
  if (!first) return [];
  let length = first.length;
  for (const path of rest) {
    let same = 0;
    while (same < Math.min(length, path.length) && path[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length);
}

/** `count` sentences that name where they are (`${label} ${n} line ${i}`), for position checks. */
export function markedLines(label: string, n: number, count: number, tail: string): string[] {
  return Array.from({ length: count }, (_, i) => `${label} ${n} line ${i + 1}: ${tail}`);
}
