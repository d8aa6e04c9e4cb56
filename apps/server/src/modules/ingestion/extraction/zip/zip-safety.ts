import { open } from "node:fs/promises";
import { ExtractionFailure, type ExtractionLimits } from "../types.js";
import { hasCfbMagic, isEncryptedOfficeFile } from "./cfb-encryption.js";
import { inflateEntry } from "./inflate-entry.js";
import { readZipDirectory, type ZipDirectory, type ZipEntry } from "./zip-directory.js";

/**
 * Entries smaller than this are not held to the compression-ratio limit: a few kilobytes of
 * repetitive XML legitimately compress very well, and cannot hurt anyone by themselves (the total
 * size limit still covers many of them).
 */
export const MIN_BYTES_FOR_RATIO_CHECK = 1024 * 1024;

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

function bomb(detail: string): ExtractionFailure {
  return new ExtractionFailure("too_large", `${detail}; it looks like a zip bomb, so it was not opened`);
}

/** An encrypted OOXML file is a compound file, not a ZIP: say "encrypted" rather than "corrupt". */
export async function assertNotCompoundFile(path: string): Promise<void> {
  const handle = await open(path, "r");
  const head = Buffer.alloc(8);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (!hasCfbMagic(head)) return;
  if (await isEncryptedOfficeFile(path)) {
    throw new ExtractionFailure("encrypted", "The document is a password-protected Office file");
  }
  throw new ExtractionFailure(
    "unsupported",
    "The document is in a legacy binary Office format (.doc/.xls/.ppt); save it as .docx/.xlsx/.pptx",
  );
}

/** Checks what the archive claims before a single byte is inflated. */
export function checkDeclaredSizes(directory: ZipDirectory, limits: ExtractionLimits): void {
  let total = 0;
  for (const entry of directory.entries) {
    if (entry.encrypted) {
      throw new ExtractionFailure("encrypted", "The document is encrypted (its parts need a password)");
    }
    if (entry.uncompressedSize > limits.maxUncompressedBytes) {
      throw bomb(
        `The part ${entry.name} expands to ${formatBytes(entry.uncompressedSize)}, over the ${formatBytes(limits.maxUncompressedBytes)} limit`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= MIN_BYTES_FOR_RATIO_CHECK && ratio > limits.maxCompressionRatio) {
      throw bomb(
        `The part ${entry.name} expands ${Math.round(ratio)} times (${formatBytes(entry.compressedSize)} to ${formatBytes(entry.uncompressedSize)}), over the ${limits.maxCompressionRatio}:1 limit`,
      );
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxUncompressedBytes) {
    throw bomb(
      `The document expands to ${formatBytes(total)}, over the ${formatBytes(limits.maxUncompressedBytes)} limit`,
    );
  }
  const overallRatio = total / Math.max(1, directory.fileSize);
  if (total >= MIN_BYTES_FOR_RATIO_CHECK && overallRatio > limits.maxCompressionRatio) {
    throw bomb(
      `The document expands ${Math.round(overallRatio)} times, over the ${limits.maxCompressionRatio}:1 limit`,
    );
  }
}

/** Declared sizes can lie: inflate (and discard) every deflated entry, stopping at the first byte past its claim. */
async function verifyInflatedSizes(
  path: string,
  directory: ZipDirectory,
  limits: ExtractionLimits,
): Promise<void> {
  let total = 0;
  for (const entry of directory.entries) {
    if (entry.isDirectory || entry.method === 0) continue; // stored bytes are bounded by the file itself
    total += await inflateEntry(path, entry, {
      maxBytes: Math.min(entry.uncompressedSize, limits.maxUncompressedBytes - total),
      tooLarge: entryLargerThanDeclared,
    });
  }
}

export function entryLargerThanDeclared(entry: ZipEntry): ExtractionFailure {
  return bomb(
    `The part ${entry.name} inflates to more than the ${formatBytes(entry.uncompressedSize)} it declares`,
  );
}

export interface ZipSafetyOptions {
  /** Also inflate every entry to prove the declared sizes (needed before a third-party reader inflates it all). */
  readonly verifyInflatedSizes?: boolean;
}

/**
 * Throws `ExtractionFailure` unless the ZIP container at `path` is safe to hand to a reader that
 * inflates it: not a compound file (encrypted/legacy Office), readable, few enough entries, sizes
 * and ratios within `limits` as declared and (by default) as actually inflated.
 */
export async function assertZipIsSafe(
  path: string,
  limits: ExtractionLimits,
  options: ZipSafetyOptions = {},
): Promise<ZipDirectory> {
  await assertNotCompoundFile(path);
  const directory = await readZipDirectory(path);
  checkDeclaredSizes(directory, limits);
  if (options.verifyInflatedSizes ?? true) await verifyInflatedSizes(path, directory, limits);
  return directory;
}
