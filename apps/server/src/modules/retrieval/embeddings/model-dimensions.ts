/** Native output dimensions of well-known embedding models (spec §3 and requirement 20). */
const knownModelDimensions: Readonly<Record<string, number>> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
  "all-minilm-l6-v2": 384,
  "all-minilm-l12-v2": 384,
  "all-minilm": 384,
  "all-mpnet-base-v2": 768,
  "multi-qa-minilm-l6-cos-v1": 384,
  "paraphrase-multilingual-minilm-l12-v2": 384,
  "msmarco-distilbert-base-v4": 768,
  "nomic-embed-text": 768,
  "nomic-embed-text-v1": 768,
  "nomic-embed-text-v1.5": 768,
};

/**
 * The native dimensions of a model name as OpenAI, Hugging Face or Ollama spell it
 * (`sentence-transformers/all-MiniLM-L6-v2`, `nomic-embed-text:latest`), or undefined.
 */
export function knownDimensionsOf(model: string): number | undefined {
  const withoutOwner = model.slice(model.lastIndexOf("/") + 1);
  const withoutTag = withoutOwner.includes(":")
    ? withoutOwner.slice(0, withoutOwner.indexOf(":"))
    : withoutOwner;
  return knownModelDimensions[withoutTag.toLowerCase()];
}
