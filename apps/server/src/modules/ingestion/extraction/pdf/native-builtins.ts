/**
 * pdfjs's legacy build (the one for Node) bundles core-js. On Node 20 (V8 before 12.2) core-js
 * does more than add what is missing — `Promise.withResolvers`, `Map.prototype.getOrInsertComputed`,
 * `Uint8Array.prototype.toHex` and the like, which pdfjs needs and which stay — it also replaces
 * three natives, for the whole thread, over corner cases pdfjs does not rely on:
 * `Array.prototype.push` (an error when an array's length is read-only) and `JSON.parse` /
 * `JSON.stringify` (source text access, raw JSON). The push shim is several times slower than
 * the native, and everything in the processing worker pushes (pdfjs's text items, language
 * detection, chunking): it was a third of a text PDF's processing time. The natives are kept
 * here, captured when this module is evaluated (before pdfjs loads: pdfjs-document.ts imports
 * pdfjs lazily), and put back once pdfjs has loaded.
 */
const natives = [
  { owner: Array.prototype, key: "push", value: Array.prototype.push },
  { owner: JSON, key: "parse", value: JSON.parse },
  { owner: JSON, key: "stringify", value: JSON.stringify },
] as const;

/** Puts back any of the natives above that something replaced. */
export function restoreNativeBuiltins(): void {
  for (const { owner, key, value } of natives) {
    if ((owner as unknown as Record<string, unknown>)[key] === value) continue;
    Object.defineProperty(owner, key, { value, writable: true, enumerable: false, configurable: true });
  }
}
