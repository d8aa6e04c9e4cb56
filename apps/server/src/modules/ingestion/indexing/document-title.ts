import { titleOf } from "../../../platform/text/index.js";

/**
 * A document's title as its text states it: the title of its first chunk, which starts where the
 * text does (`titleOf`). Tables (CSV, spreadsheets: those with a schema) have none: their first
 * paragraph is a sheet's name or its header row, whose words are what the rows hold.
 */
export function documentTitleOf(
  chunks: readonly { readonly index: number; readonly content: string }[],
  schemaInfo: unknown,
): string | null {
  if (schemaInfo !== null && schemaInfo !== undefined) return null;
  const first = chunks.find((chunk) => chunk.index === 0);
  return first ? titleOf(first.content) : null;
}
