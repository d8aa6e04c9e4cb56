/** The formats ingestion accepts; detected from the file's content, never from its name or header. */
export type DocumentFormat =
  | "pdf"
  | "docx"
  | "pptx"
  | "xlsx"
  | "csv"
  | "html"
  | "markdown"
  | "text"
  | "rtf"
  | "odt"
  | "png"
  | "jpeg"
  | "tiff"
  | "gif";

/**
 * Where a run of the extracted text came from. `start`/`end` are offsets into
 * `ExtractionResult.text` (end exclusive); segments are in order and do not overlap.
 */
export interface TextSegment {
  readonly start: number;
  readonly end: number;
  /** 1-based PDF page (also set for multi-page TIFF frames). */
  readonly page?: number;
  /** 1-based PPTX slide. */
  readonly slide?: number;
  /** XLSX sheet name (CSV: none). */
  readonly sheet?: string;
  /** 1-based spreadsheet/CSV row number of the data row this text comes from. */
  readonly row?: number;
  /** Enclosing headings, outermost first (DOCX, HTML, Markdown, ODT). */
  readonly headingPath?: readonly string[];
  /** True when this text was recognised by OCR. */
  readonly ocr?: boolean;
}

export interface ColumnInfo {
  readonly name: string;
  readonly type: "string" | "integer" | "number" | "boolean" | "date" | "empty";
  readonly non_empty: number;
}

/** Tabular files describe their shape (spec: `schema_info`). */
export interface SchemaInfo {
  readonly sheets: ReadonlyArray<{
    readonly name: string;
    readonly columns: readonly ColumnInfo[];
    readonly row_count: number;
  }>;
}

export interface ExtractionResult {
  readonly format: DocumentFormat;
  readonly text: string;
  readonly segments: readonly TextSegment[];
  /** Pages (PDF, TIFF), slides (PPTX) or sheets (XLSX); 1 for flowing text. */
  readonly pageCount: number;
  /** 1-based pages whose text came from OCR. */
  readonly ocrPages: readonly number[];
  readonly schemaInfo?: SchemaInfo;
  /** Non-fatal problems worth showing the user (a page OCR could not read, a truncated sheet). */
  readonly warnings: readonly string[];
}

export type ExtractionFailureReason = "encrypted" | "corrupt" | "empty" | "unsupported" | "too_large";

/** A document that cannot be extracted; `message` is shown to the user as the failure reason. */
export class ExtractionFailure extends Error {
  constructor(
    readonly reason: ExtractionFailureReason,
    message: string,
  ) {
    super(message);
    this.name = "ExtractionFailure";
  }
}

export interface ExtractionLimits {
  /** Total uncompressed bytes any container (DOCX/PPTX/XLSX/ODT zip) may expand to. */
  readonly maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of a zip entry before it is treated as a bomb. */
  readonly maxCompressionRatio: number;
  readonly maxPages: number;
  /** Extracted text is cut here (with a warning). */
  readonly maxTextChars: number;
  /** Plain text and Markdown with a longer line are refused: a dump, not a document. */
  readonly maxLineChars: number;
  readonly ocr: { readonly enabled: boolean; readonly languages: readonly string[] };
}

export const defaultExtractionLimits: ExtractionLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxPages: 5_000,
  maxTextChars: 50_000_000,
  maxLineChars: 1_000_000,
  ocr: { enabled: true, languages: ["eng"] },
};

/** One extractor per format; reads the file at `path` (never the whole upload held by the caller). */
export type Extractor = (path: string, limits: ExtractionLimits) => Promise<ExtractionResult>;
