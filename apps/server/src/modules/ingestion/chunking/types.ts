import type { TextSegment } from "../extraction/types.js";

/**
 * How text is cut into chunks. The spec's enums disagree (File: 3 values, options: 4; gap G12);
 * we accept all four plus heading-aware `markdown`.
 */
export type ChunkingStrategy = "fixed" | "sentence" | "paragraph" | "semantic" | "markdown";

export const chunkingStrategies: readonly ChunkingStrategy[] = [
  "fixed",
  "sentence",
  "paragraph",
  "semantic",
  "markdown",
];

export interface ChunkTextInput {
  /** The extracted text; every chunk is an exact slice of it. */
  readonly text: string;
  /** Where runs of `text` came from (pages, slides, rows, headings); ordered, non-overlapping. */
  readonly segments: readonly TextSegment[];
  readonly strategy: ChunkingStrategy;
  /** Largest chunk in UTF-16 code units (JavaScript string length). Default 1000, at most 10,000. */
  readonly maxChunkSize?: number;
  /**
   * Characters consecutive chunks share, at most. Default 200 (a fifth of `maxChunkSize` when that is
   * smaller); `0 ≤ overlapSize < maxChunkSize` (gap G13).
   */
  readonly overlapSize?: number;
  /** Chunks kept before the result is marked `truncated` (the tenant's `max_chunks_per_file`). */
  readonly maxChunks?: number;
}

export interface ChunkMetadata {
  /** First PDF page (or TIFF frame) the chunk covers; the spec's `source_page`. */
  readonly page?: number;
  /** Every page the chunk covers, ascending; only when it spans more than one. */
  readonly pages?: readonly number[];
  readonly slide?: number;
  /** Every slide, ascending; only when the chunk spans more than one. */
  readonly slides?: readonly number[];
  readonly sheet?: string;
  /** Every sheet in document order; only when the chunk spans more than one. */
  readonly sheets?: readonly string[];
  /** First and last spreadsheet/CSV row the chunk covers. */
  readonly rows?: readonly [number, number];
  /** Enclosing headings, outermost first; the common part when the chunk spans sections. */
  readonly heading_path?: readonly string[];
  /** True when any of the chunk's text was recognised by OCR. */
  readonly ocr?: boolean;
  readonly strategy: ChunkingStrategy;
}

export interface TextChunk {
  /** 0-based, sequential (the spec's `position` / `chunk_index`). */
  readonly index: number;
  /** Exactly `text.slice(start_offset, end_offset)`: never trimmed or rewritten. */
  readonly content: string;
  readonly start_offset: number;
  /** Exclusive. */
  readonly end_offset: number;
  /** o200k_base tokens (special-token strings count as plain text). */
  readonly token_count: number;
  /** `content.length` (UTF-16 code units). */
  readonly char_count: number;
  readonly metadata: ChunkMetadata;
}

export interface ChunkTextResult {
  readonly chunks: readonly TextChunk[];
  /** True when the text would have produced more than `maxChunks` chunks; `chunks` holds the first ones. */
  readonly truncated: boolean;
}
