import {
  assessSensitivity,
  classifyContent,
  detectLanguage,
  detectPii,
  type PiiFinding,
  type PiiSummary,
  redactPii,
  summarizePii,
} from "../analysis/index.js";
import { chunkText } from "../chunking/index.js";
import type { ChunkingStrategy, TextChunk } from "../chunking/types.js";
import { extractDocument } from "../extraction/extract-document.js";
import {
  type DocumentFormat,
  ExtractionFailure,
  type ExtractionLimits,
  type SchemaInfo,
  type TextSegment,
} from "../extraction/types.js";
import type { WorkerPool } from "./worker-pool.js";

/** The processing worker threads as the server uses them. */
export type ProcessingPool = WorkerPool<ProcessFileInput, ProcessFileOutput, ProcessFileProgress>;

export interface ProcessFileInput {
  readonly path: string;
  readonly format: DocumentFormat;
  readonly fileName: string;
  readonly limits: ExtractionLimits;
  readonly piiPolicy: "detect" | "redact" | "block";
  readonly chunking: {
    readonly strategy: ChunkingStrategy;
    readonly maxChunkSize: number;
    readonly overlapSize: number;
    readonly maxChunks: number;
  };
}

/** A PII finding within one chunk: offsets into the chunk's content, clipped to it. */
export interface ChunkPiiFinding {
  readonly type: PiiFinding["type"];
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

export interface ProcessedChunk extends TextChunk {
  readonly language: string;
  readonly language_confidence: number;
  readonly pii_counts: PiiSummary["counts"];
  readonly pii_findings: readonly ChunkPiiFinding[];
}

export type ProcessFileOutput =
  | {
      readonly ok: true;
      readonly pageCount: number;
      readonly ocrPages: readonly number[];
      readonly schemaInfo: SchemaInfo | null;
      readonly warnings: readonly string[];
      readonly language: string;
      readonly languageConfidence: number;
      readonly pii: PiiSummary;
      readonly redacted: boolean;
      readonly sensitivityLevel: string;
      readonly complianceFlags: readonly string[];
      readonly classification: { content_category: string; confidence: number; evidence: readonly string[] };
      readonly textLength: number;
      readonly strategy: ChunkingStrategy;
      readonly chunks: readonly ProcessedChunk[];
      readonly truncated: boolean;
    }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/** Reported while `processFile` runs (the processing worker posts it as progress). */
export interface ProcessFileProgress {
  /**
   * The chunks' contents, in order, as soon as chunking is done (before the per-chunk language,
   * a good part of the processing time): what embedding needs, so it can start meanwhile.
   */
  readonly chunkTexts: readonly string[];
}

const chunkLanguageSampleChars = 400;

/**
 * Extraction, analysis and chunking of one file: pure CPU work, run in a worker thread. Under the
 * `redact` policy every finding is replaced before chunking, so no chunk (and nothing embedded or
 * indexed from it) holds a detected value; `block` fails the document instead.
 */
export async function processFile(
  input: ProcessFileInput,
  onProgress?: (progress: ProcessFileProgress) => void,
): Promise<ProcessFileOutput> {
  let extracted: Awaited<ReturnType<typeof extractDocument>>;
  try {
    extracted = await extractDocument(input.path, input.format, input.limits);
  } catch (error) {
    if (error instanceof ExtractionFailure)
      return { ok: false, reason: error.reason, message: error.message };
    return {
      ok: false,
      reason: "corrupt",
      message: `The file could not be read: ${(error as Error).message}`,
    };
  }
  const language = detectLanguage(extracted.text);
  const findings = detectPii(extracted.text);
  const pii = summarizePii(findings);
  if (input.piiPolicy === "block" && pii.pii_detected) {
    return {
      ok: false,
      reason: "pii_blocked",
      message: `The document contains personal data (${pii.types.join(", ")}) and the PII policy blocks such documents`,
    };
  }
  const classification = classifyContent(extracted.text, { format: input.format, fileName: input.fileName });
  const sensitivity = assessSensitivity(pii, classification.content_category);

  let text = extracted.text;
  let segments: readonly TextSegment[] = extracted.segments;
  let positions: readonly PiiFinding[] = findings;
  const redacted = input.piiPolicy === "redact" && findings.length > 0;
  if (redacted) {
    const result = redactPii(text, findings);
    const map = (offset: number) => result.toRedactedOffset(offset);
    text = result.text;
    segments = segments.map((segment) => ({ ...segment, start: map(segment.start), end: map(segment.end) }));
    positions = findings.map((finding) => ({ ...finding, start: map(finding.start), end: map(finding.end) }));
  }
  // Markdown keeps its headings together unless the tenant chose a strategy other than the default.
  const strategy =
    input.format === "markdown" && input.chunking.strategy === "semantic"
      ? "markdown"
      : input.chunking.strategy;
  const { chunks, truncated } = chunkText({
    text,
    segments,
    strategy,
    maxChunkSize: input.chunking.maxChunkSize,
    overlapSize: Math.min(input.chunking.overlapSize, input.chunking.maxChunkSize - 1),
    maxChunks: input.chunking.maxChunks,
  });
  onProgress?.({ chunkTexts: chunks.map((chunk) => chunk.content) });
  return {
    ok: true,
    pageCount: extracted.pageCount,
    ocrPages: extracted.ocrPages,
    schemaInfo: extracted.schemaInfo ?? null,
    warnings: truncated
      ? [
          ...extracted.warnings,
          `Only the first ${input.chunking.maxChunks} chunks were kept (max_chunks_per_file)`,
        ]
      : extracted.warnings,
    language: language.language,
    languageConfidence: language.confidence,
    pii,
    redacted,
    sensitivityLevel: sensitivity.sensitivity_level,
    complianceFlags: sensitivity.compliance_flags,
    classification: {
      content_category: classification.content_category,
      confidence: classification.confidence,
      evidence: classification.evidence,
    },
    textLength: text.length,
    strategy,
    chunks: annotateChunks(chunks, positions),
    truncated,
  };
}

/**
 * Per-chunk language, and the PII found inside each chunk: counts by type, and each finding's
 * place in the chunk's content (a chunk's content is exactly its slice of the text, so the
 * offsets only shift; a finding across a chunk boundary is clipped to each chunk it touches).
 */
function annotateChunks(chunks: readonly TextChunk[], findings: readonly PiiFinding[]): ProcessedChunk[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let first = 0;
  return chunks.map((chunk) => {
    while (first < sorted.length && (sorted[first]?.end ?? 0) <= chunk.start_offset) first++;
    const counts: Partial<Record<PiiFinding["type"], number>> = {};
    const inChunk: ChunkPiiFinding[] = [];
    for (let i = first; i < sorted.length; i++) {
      const finding = sorted[i];
      if (!finding || finding.start >= chunk.end_offset) break;
      if (finding.end <= chunk.start_offset) continue;
      counts[finding.type] = (counts[finding.type] ?? 0) + 1;
      inChunk.push({
        type: finding.type,
        start: Math.max(0, finding.start - chunk.start_offset),
        end: Math.min(chunk.content.length, finding.end - chunk.start_offset),
        confidence: finding.confidence,
      });
    }
    // A chunk's opening sentences tell its language as well as the whole chunk, at a fraction of
    // the cost: per-chunk detection was half the processing time of text-heavy files.
    const language = detectLanguage(chunk.content, { maxChars: chunkLanguageSampleChars });
    return {
      ...chunk,
      language: language.language,
      language_confidence: language.confidence,
      pii_counts: counts,
      pii_findings: inChunk,
    };
  });
}
