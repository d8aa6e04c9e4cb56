import { titleOf } from "../../../platform/text/index.js";

/** A document's title as its text states it: the title block of its first chunk, which starts where the text does. */
export function documentTitleOf(chunks: readonly { readonly index: number; readonly content: string }[]) {
  const first = chunks.find((chunk) => chunk.index === 0);
  return first ? titleOf(first.content) : null;
}
