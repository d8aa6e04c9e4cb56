import type { ExtractionLimits } from "../types.js";
import { inflateEntry } from "./inflate-entry.js";
import type { ZipEntry } from "./zip-directory.js";
import { assertZipIsSafe, entryLargerThanDeclared } from "./zip-safety.js";

/** Read access to the parts of a checked ZIP container, each read capped by the real inflated size. */
export interface SafeZip {
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The part's bytes, or `null` when there is no such part. */
  readBuffer(name: string): Promise<Buffer | null>;
  /** The part decoded as UTF-8 (a BOM is dropped), or `null` when there is no such part. */
  readText(name: string): Promise<string | null>;
}

/**
 * Opens the ZIP container at `path` for reading parts one by one. The declared sizes are checked
 * up front (see `assertZipIsSafe`); each read then inflates straight from the file and stops as
 * soon as a part produces more than it declared or the reads together pass
 * `limits.maxUncompressedBytes`, so a lying archive cannot make us hold more than that.
 */
export async function openSafeZip(path: string, limits: ExtractionLimits): Promise<SafeZip> {
  const directory = await assertZipIsSafe(path, limits, { verifyInflatedSizes: false });
  const byName = new Map<string, ZipEntry>();
  for (const entry of directory.entries) {
    if (entry.isDirectory) continue;
    byName.set(entry.name, entry);
    // OPC part names are case-insensitive; keep an exact match first, then a lower-case one.
    if (!byName.has(entry.name.toLowerCase())) byName.set(entry.name.toLowerCase(), entry);
  }
  let inflatedSoFar = 0;

  const find = (name: string): ZipEntry | undefined => byName.get(name) ?? byName.get(name.toLowerCase());

  const readBuffer = async (name: string): Promise<Buffer | null> => {
    const entry = find(name);
    if (!entry) return null;
    const chunks: Buffer[] = [];
    const size = await inflateEntry(path, entry, {
      maxBytes: Math.min(entry.uncompressedSize, limits.maxUncompressedBytes - inflatedSoFar),
      tooLarge: entryLargerThanDeclared,
      onChunk: (chunk) => chunks.push(chunk),
    });
    inflatedSoFar += size;
    return Buffer.concat(chunks, size);
  };

  return {
    names: directory.entries.filter((entry) => !entry.isDirectory).map((entry) => entry.name),
    has: (name) => find(name) !== undefined,
    readBuffer,
    readText: async (name) => {
      const buffer = await readBuffer(name);
      if (!buffer) return null;
      // XML parts are UTF-8 in practice, but the XML spec allows UTF-16 announced by a BOM.
      if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder("utf-16le").decode(buffer);
      if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder("utf-16be").decode(buffer);
      return new TextDecoder("utf-8").decode(buffer);
    },
  };
}
