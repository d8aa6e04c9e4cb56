import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A getter that loads a CommonJS package the first time it is called, synchronously, and keeps it.
 * For large packages (tokenizer tables, language models, taggers) that only some processes use:
 * an import would load them into every process's heap, and every full GC walks what is loaded
 * (decision 0017).
 */
export function lazyRequire<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(specifier) as T;
    return loaded;
  };
}
