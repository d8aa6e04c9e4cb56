import type { AssistantCitation } from "@tributary/contracts";

/** A citation for tests: number n of document doc-n, chunk chunk-n, characters n*100 to n*100+40. */
export function citation(index: number, overrides: Partial<AssistantCitation> = {}): AssistantCitation {
  return {
    index,
    document_id: `doc-${index}`,
    document_name: `Report ${index}.pdf`,
    chunk_id: `chunk-${index}`,
    page: index,
    start_offset: index * 100,
    end_offset: index * 100 + 40,
    quote: `quote ${index}`,
    score: 0.5,
    ...overrides,
  };
}
