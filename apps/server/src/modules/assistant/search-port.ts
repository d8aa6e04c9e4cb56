import type { ContentCaller } from "../content/index.js";
import type { SpacePassage, SpaceSearchRequest, SpaceSearchResult } from "../retrieval/index.js";

/**
 * Retrieval's space search (`retrieval.searchSpace`, injected by the composition root): the
 * tenant and space come from the caller, never from the request.
 */
export type SearchSpace = (caller: ContentCaller, request: SpaceSearchRequest) => Promise<SpaceSearchResult>;

/** A passage that counts as evidence, numbered as the prompt and the answer's `[n]` markers show it. */
export interface NumberedPassage extends SpacePassage {
  readonly index: number;
}
