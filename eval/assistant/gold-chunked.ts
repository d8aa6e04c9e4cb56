import type { EvalQuestion } from "./corpus-manifest.js";
import { overlapsGold } from "./passage-overlap.js";
import type { KnownChunk } from "./score-question.js";

/**
 * The answerable questions whose gold passage survives ingestion: some chunk of its document
 * overlaps it. This is the ceiling on recall; a miss here is an extraction or chunking problem,
 * not a retrieval one.
 */
export function questionsWithChunkedGold(
  questions: readonly EvalQuestion[],
  chunks: ReadonlyMap<string, KnownChunk>,
): Set<string> {
  const byDocument = new Map<string, string[]>();
  for (const chunk of chunks.values()) {
    const list = byDocument.get(chunk.corpusDocument) ?? [];
    list.push(chunk.content);
    byDocument.set(chunk.corpusDocument, list);
  }
  const found = new Set<string>();
  for (const question of questions) {
    if (!question.answerable) continue;
    const contents = byDocument.get(question.document) ?? [];
    if (contents.some((content) => overlapsGold(question.gold_passage, content))) found.add(question.id);
  }
  return found;
}
