import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * How keys map to paths under the filesystem store's root. Each key segment becomes an entry
 * name: bytes outside `[a-z0-9._-]` are %XX-escaped (so `A` and `a` stay apart on case-insensitive
 * disks and no name can mean anything to the OS), then a suffix says what the entry is:
 * `.o` an object file, `.d` a directory of deeper keys, `.n` the real name of a hashed entry,
 * `.t` a temporary file. Key `a` and key `a/b` therefore never collide (`a.o` vs `a.d/b.o`).
 * Segments whose escaped form is too long for a file name are stored as `~<sha256>` plus a `.n`
 * record holding the segment (`~` itself is always escaped, so such names cannot clash).
 */
export const objectSuffix = ".o";
export const directorySuffix = ".d";
const nameRecordSuffix = ".n";
const maxPlainNameLength = 200;
const plainByte = /^[a-z0-9._-]$/;

export function escapeSegment(segment: string): string {
  let escaped = "";
  for (const byte of Buffer.from(segment, "utf8")) {
    const char = String.fromCharCode(byte);
    escaped += plainByte.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return escaped;
}

export function unescapeSegment(escaped: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === "%") {
      bytes.push(Number.parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(escaped.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The entry name of one segment, without its suffix. */
export function entryBase(segment: string): string {
  const escaped = escapeSegment(segment);
  if (escaped.length <= maxPlainNameLength) return escaped;
  return `~${createHash("sha256").update(segment, "utf8").digest("hex")}`;
}

/** The segment an entry base stands for; null when a hashed entry lost its name record. */
export async function segmentOfBase(directory: string, base: string): Promise<string | null> {
  if (!base.startsWith("~")) return unescapeSegment(base);
  try {
    return await readFile(path.join(directory, `${base}${nameRecordSuffix}`), "utf8");
  } catch {
    return null;
  }
}

/** The directory holding the keys under `segments` (none: the root). */
export function directoryOf(root: string, segments: readonly string[]): string {
  return path.join(root, ...segments.map((segment) => `${entryBase(segment)}${directorySuffix}`));
}

export interface ObjectLocation {
  readonly directory: string;
  readonly file: string;
}

/** Where a (validated) key's object file lives; touches nothing. */
export function locateObject(root: string, key: string): ObjectLocation {
  const segments = key.split("/");
  const last = segments.pop() ?? key;
  const directory = directoryOf(root, segments);
  return { directory, file: path.join(directory, `${entryBase(last)}${objectSuffix}`) };
}

/** A fresh temporary file name in `directory`; listings ignore it. */
export function temporaryPath(directory: string): string {
  return path.join(directory, `${randomBytes(8).toString("hex")}.t`);
}

/** Creates the directories of a key and the name records of its hashed segments. */
export async function prepareObjectLocation(root: string, key: string): Promise<ObjectLocation> {
  const segments = key.split("/");
  let directory = root;
  for (const [index, segment] of segments.entries()) {
    const base = entryBase(segment);
    if (base.startsWith("~")) await writeNameRecord(directory, base, segment);
    if (index < segments.length - 1) {
      directory = path.join(directory, `${base}${directorySuffix}`);
      await mkdir(directory, { recursive: true });
    }
  }
  return locateObject(root, key);
}

async function writeNameRecord(directory: string, base: string, segment: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  const temp = temporaryPath(directory);
  try {
    await writeFile(temp, segment, "utf8");
    await rename(temp, path.join(directory, `${base}${nameRecordSuffix}`));
  } finally {
    await rm(temp, { force: true });
  }
}
