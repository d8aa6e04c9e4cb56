/**
 * Units of text (sentences, paragraphs, lines) as parallel ascending offset arrays: `starts[i]` is
 * the unit's first non-whitespace character, `ends[i]` is just after its last one. Arrays of numbers,
 * not objects, because a 10 MB text has hundreds of thousands of units and the packer only ever
 * binary-searches them.
 */
export interface Spans {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export interface MutableSpans extends Spans {
  readonly starts: number[];
  readonly ends: number[];
}

export function emptySpans(): MutableSpans {
  return { starts: [], ends: [] };
}
