import { readdir } from "node:fs/promises";
import path from "node:path";
import { directoryOf, directorySuffix, objectSuffix, segmentOfBase } from "./filesystem-layout.js";
import { compareKeys } from "./list-cursor.js";

interface Child {
  readonly kind: "object" | "directory";
  readonly entry: string;
  readonly key: string;
  /** What orders this child among its siblings: a directory sorts as its keys do, after `name/`. */
  readonly sortKey: string;
}

async function childrenOf(directory: string, keyPrefix: string, namePrefix: string): Promise<Child[]> {
  let entries: string[];
  try {
    entries = await readdir(directory);
  } catch {
    return [];
  }
  const children: Child[] = [];
  for (const entry of entries) {
    const kind = entry.endsWith(objectSuffix)
      ? "object"
      : entry.endsWith(directorySuffix)
        ? "directory"
        : null;
    if (kind === null) continue;
    const suffix = kind === "object" ? objectSuffix : directorySuffix;
    const name = await segmentOfBase(directory, entry.slice(0, -suffix.length));
    if (name === null || !name.startsWith(namePrefix)) continue;
    const key = `${keyPrefix}${name}`;
    children.push({ kind, entry, key, sortKey: kind === "directory" ? `${key}/` : key });
  }
  return children.sort((a, b) => compareKeys(a.sortKey, b.sortKey));
}

/** True when every key under `directoryKey` (which ends in `/`) sorts at or before `after`. */
function entirelyBefore(directoryKey: string, after: string | undefined): boolean {
  return after !== undefined && !after.startsWith(directoryKey) && compareKeys(after, directoryKey) > 0;
}

async function* walk(
  directory: string,
  keyPrefix: string,
  namePrefix: string,
  after: string | undefined,
): AsyncGenerator<string> {
  for (const child of await childrenOf(directory, keyPrefix, namePrefix)) {
    if (child.kind === "object") {
      if (after === undefined || compareKeys(child.key, after) > 0) yield child.key;
    } else if (!entirelyBefore(child.sortKey, after)) {
      yield* walk(path.join(directory, child.entry), child.sortKey, "", after);
    }
  }
}

/**
 * Keys under `prefix`, in byte order, after `after`, at most `count`. A depth-first walk over
 * directories sorted by key visits keys in global order, so a page stops early and skips whole
 * directories that lie before the cursor.
 */
export async function listKeys(
  root: string,
  prefix: string,
  after: string | undefined,
  count: number,
): Promise<string[]> {
  const segments = prefix.split("/");
  const namePrefix = segments.pop() ?? "";
  const keyPrefix = segments.length > 0 ? `${segments.join("/")}/` : "";
  const keys: string[] = [];
  for await (const key of walk(directoryOf(root, segments), keyPrefix, namePrefix, after)) {
    keys.push(key);
    if (keys.length >= count) break;
  }
  return keys;
}
