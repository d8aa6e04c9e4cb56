import type { NumberedPassage } from "../search-port.js";

/** A passage as retrieval would return it, numbered; offsets as if the chunk started at `start`. */
export function numberedPassage(
  index: number,
  content: string,
  overrides: Partial<NumberedPassage> = {},
): NumberedPassage {
  const start = overrides.start_offset === undefined ? 1000 * index : overrides.start_offset;
  return {
    index,
    rank: index,
    score: 1 / (60 + index),
    scores: { vector: 0.5, text: 0.3, sentence: null },
    chunk_id: `00000000-0000-7000-8000-00000000000${index}`,
    document_id: `00000000-0000-7000-9000-00000000000${index}`,
    document_name: `document-${index}.txt`,
    document_title: null,
    content,
    page: null,
    heading_path: [],
    chunk_index: index - 1,
    notebook_id: "00000000-0000-7000-a000-000000000001",
    language: "en",
    start_offset: start,
    end_offset: start === null ? null : start + content.length,
    ...overrides,
  };
}
