import { open } from "node:fs/promises";
import { ExtractionFailure } from "../types.js";

/**
 * One entry of a ZIP archive as its central directory declares it. The sizes are claims made by
 * whoever wrote the file: they are checked against limits before anything is inflated, and the
 * readers enforce the real sizes again while inflating.
 */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate; anything else is refused when read. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** General-purpose flag bit 0: the entry is encrypted with a ZIP password. */
  readonly encrypted: boolean;
  readonly isDirectory: boolean;
}

export interface ZipDirectory {
  readonly fileSize: number;
  readonly entries: readonly ZipEntry[];
}

/** More entries than any real Office document has; a directory this big is refused before it is read. */
export const MAX_ZIP_ENTRIES = 10_000;
/** The central directory itself is read into memory, so it gets its own small cap. */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function corrupt(detail: string): ExtractionFailure {
  return new ExtractionFailure("corrupt", `The file is not a readable ZIP-based document (${detail})`);
}

function readU64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt("a size field is out of range");
  return Number(value);
}

/** Reads exactly `length` bytes at `position` or fails as corrupt (a truncated archive). */
async function readExactly(
  handle: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw corrupt("it is truncated");
  return buffer;
}

interface DirectoryLocation {
  readonly entryCount: number;
  readonly size: number;
  readonly offset: number;
}

async function locateCentralDirectory(
  handle: Awaited<ReturnType<typeof open>>,
  fileSize: number,
): Promise<DirectoryLocation> {
  if (fileSize < EOCD_MIN_LENGTH) throw corrupt("it is too short to be a ZIP archive");
  const tailLength = Math.min(fileSize, EOCD_MIN_LENGTH + MAX_COMMENT_LENGTH);
  const tailStart = fileSize - tailLength;
  const tail = await readExactly(handle, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN_LENGTH; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt("no end-of-central-directory record");
  if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0) {
    throw corrupt("multi-volume archives are not supported");
  }
  const entryCount = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (entryCount !== U16_MAX && size !== U32_MAX && offset !== U32_MAX) return { entryCount, size, offset };

  // ZIP64: the real values live in the ZIP64 end record, found through the locator just before.
  const locatorPosition = tailStart + eocd - 20;
  if (locatorPosition < 0) throw corrupt("missing ZIP64 locator");
  const locator = await readExactly(handle, locatorPosition, 20);
  if (locator.readUInt32LE(0) !== ZIP64_EOCD_LOCATOR_SIGNATURE) throw corrupt("missing ZIP64 locator");
  const zip64Position = readU64(locator, 8);
  if (zip64Position + 56 > fileSize) throw corrupt("ZIP64 record out of range");
  const record = await readExactly(handle, zip64Position, 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw corrupt("bad ZIP64 record");
  return { entryCount: readU64(record, 32), size: readU64(record, 40), offset: readU64(record, 48) };
}

interface Zip64Fields {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Replaces the 0xFFFFFFFF placeholders of a central header with the ZIP64 extra field's values. */
function applyZip64Extra(extra: Buffer, fields: Zip64Fields): void {
  let position = 0;
  while (position + 4 <= extra.length) {
    const id = extra.readUInt16LE(position);
    const length = extra.readUInt16LE(position + 2);
    const dataStart = position + 4;
    if (dataStart + length > extra.length) break;
    if (id === 0x0001) {
      let cursor = dataStart;
      const take = (): number => {
        if (cursor + 8 > dataStart + length) throw corrupt("short ZIP64 extra field");
        const value = readU64(extra, cursor);
        cursor += 8;
        return value;
      };
      if (fields.uncompressedSize === U32_MAX) fields.uncompressedSize = take();
      if (fields.compressedSize === U32_MAX) fields.compressedSize = take();
      if (fields.localHeaderOffset === U32_MAX) fields.localHeaderOffset = take();
      return;
    }
    position = dataStart + length;
  }
}

function parseCentralDirectory(buffer: Buffer, expectedCount: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let position = 0;
  while (entries.length < expectedCount) {
    if (position + 46 > buffer.length || buffer.readUInt32LE(position) !== CENTRAL_HEADER_SIGNATURE) {
      throw corrupt("damaged central directory");
    }
    const flags = buffer.readUInt16LE(position + 8);
    const method = buffer.readUInt16LE(position + 10);
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    const nameStart = position + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > buffer.length) throw corrupt("damaged central directory");
    // Bit 11 says UTF-8; older writers used CP437, which latin1 approximates well enough for part names.
    const name = buffer.toString(flags & 0x800 ? "utf8" : "latin1", nameStart, extraStart);
    const fields: Zip64Fields = {
      compressedSize: buffer.readUInt32LE(position + 20),
      uncompressedSize: buffer.readUInt32LE(position + 24),
      localHeaderOffset: buffer.readUInt32LE(position + 42),
    };
    applyZip64Extra(buffer.subarray(extraStart, extraStart + extraLength), fields);
    entries.push({
      name,
      method,
      ...fields,
      encrypted: (flags & 0x1) !== 0,
      isDirectory: name.endsWith("/"),
    });
    position = next;
  }
  return entries;
}

/**
 * Reads the central directory of the ZIP archive at `path` without inflating anything.
 * Refuses (as `too_large`) a directory with more than `MAX_ZIP_ENTRIES` entries before reading it.
 */
export async function readZipDirectory(path: string): Promise<ZipDirectory> {
  const handle = await open(path, "r");
  try {
    const { size: fileSize } = await handle.stat();
    const location = await locateCentralDirectory(handle, fileSize);
    if (location.entryCount > MAX_ZIP_ENTRIES) {
      throw new ExtractionFailure(
        "too_large",
        `The archive has ${location.entryCount} entries (at most ${MAX_ZIP_ENTRIES} are allowed); it looks like a zip bomb`,
      );
    }
    if (location.size > MAX_CENTRAL_DIRECTORY_BYTES || location.offset + location.size > fileSize) {
      throw corrupt("central directory out of range");
    }
    const directory = await readExactly(handle, location.offset, location.size);
    return { fileSize, entries: parseCentralDirectory(directory, location.entryCount) };
  } finally {
    await handle.close();
  }
}

/** Where an entry's compressed bytes start: after its local header, whose name/extra lengths may differ. */
export async function entryDataOffset(path: string, entry: ZipEntry): Promise<number> {
  const handle = await open(path, "r");
  try {
    const header = await readExactly(handle, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE)
      throw corrupt(`bad local header for ${entry.name}`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}
