import { randomUUID } from "node:crypto";
import type { SpacePassage, SpaceSearchRequest } from "../../retrieval/index.js";
import type { SearchSpace } from "../search-port.js";
import { wordsOf } from "../text/key-terms.js";

/** A document's text for the fixture search: one passage per paragraph, with real offsets. */
export interface FixtureDocument {
  readonly name: string;
  readonly text: string;
  readonly notebookId?: string;
}

/**
 * Space search over passages that tests add per space: a plain in-memory function, standing in
 * for retrieval where a test is about the assistant. Like hybrid search, it returns every passage
 * that shares any word with the query (stop words too), best overlap first, only from the
 * caller's own space. It records the queries it was asked.
 */
export function createFixtureSearch() {
  const spaces = new Map<string, SpacePassage[]>();
  const requests: Array<SpaceSearchRequest & { spaceId: string }> = [];

  const searchSpace: SearchSpace = async (caller, request) => {
    requests.push({ ...request, spaceId: caller.space.spaceId });
    const queryWords = new Set(wordsOf(request.query));
    const scored = (spaces.get(caller.space.spaceId) ?? [])
      .filter((p) => !request.document_ids || request.document_ids.includes(p.document_id))
      .filter((p) => !request.notebook_ids || request.notebook_ids.includes(p.notebook_id))
      .map((passage) => {
        const words = new Set(wordsOf(passage.content));
        const shared = [...queryWords].filter((word) => words.has(word)).length;
        return { passage, score: shared / Math.max(1, queryWords.size) };
      })
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, request.top_k ?? 10);
    return {
      took_ms: 1,
      results: scored.map(({ passage, score }, i) => ({
        ...passage,
        rank: i + 1,
        score,
        scores: { vector: score, text: score, sentence: null },
      })),
      stats: {
        search_mode: request.search_mode ?? "hybrid",
        vector_results: scored.length,
        text_results: scored.length,
        embedding_model: "fixture",
        embedding_fallback: true,
        reranked: 0,
      },
    };
  };

  return {
    searchSpace,
    requests,
    /** Adds a document to a space; returns its passages. */
    add(spaceId: string, document: FixtureDocument): SpacePassage[] {
      const documentId = randomUUID();
      const notebookId = document.notebookId ?? randomUUID();
      const passages: SpacePassage[] = [];
      let offset = 0;
      for (const paragraph of document.text.split("\n\n")) {
        const start = document.text.indexOf(paragraph, offset);
        offset = start + paragraph.length;
        if (paragraph.trim() === "") continue;
        passages.push({
          rank: 0,
          score: 0,
          scores: { vector: null, text: null, sentence: null },
          chunk_id: randomUUID(),
          chunk_index: passages.length,
          document_id: documentId,
          document_name: document.name,
          document_title: null,
          content: paragraph,
          page: 1,
          heading_path: [],
          start_offset: start,
          end_offset: start + paragraph.length,
          notebook_id: notebookId,
          language: "en",
        });
      }
      spaces.set(spaceId, [...(spaces.get(spaceId) ?? []), ...passages]);
      return passages;
    },
  };
}

export type FixtureSearch = ReturnType<typeof createFixtureSearch>;
