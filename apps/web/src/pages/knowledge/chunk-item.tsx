import type { DocumentChunk } from "@tributary/contracts";
import type { Ref } from "react";
import { cx } from "../../lib/cx";
import { Badge } from "../../ui/feedback";
import { ChunkText } from "./chunk-text";
import { piiLabel, piiSpansOf, piiTypesOf, type TextRange } from "./passage-highlights";

function pagesLabel(chunk: DocumentChunk): string | null {
  const pages = chunk.pages.length > 0 ? chunk.pages : chunk.page_number !== null ? [chunk.page_number] : [];
  if (pages.length === 0) return null;
  const first = pages[0];
  const last = pages.at(-1);
  return first === last ? `Page ${first}` : `Pages ${first}–${last}`;
}

/** Where else the chunk came from, for files without pages (slides, sheets, rows). */
function sourceLabel(chunk: DocumentChunk): string | null {
  const metadata = chunk.metadata as { slide?: number; sheet?: string; rows?: [number, number] };
  if (typeof metadata.slide === "number") return `Slide ${metadata.slide}`;
  if (typeof metadata.sheet === "string") {
    return metadata.rows
      ? `Sheet ${metadata.sheet}, rows ${metadata.rows[0]}–${metadata.rows[1]}`
      : `Sheet ${metadata.sheet}`;
  }
  if (metadata.rows) return `Rows ${metadata.rows[0]}–${metadata.rows[1]}`;
  return null;
}

/**
 * One chunk: its number, pages, heading path, personal data found, and its text. The chunk a link
 * points at gets a ring, and the cited part of its text (all of it without a range) is marked.
 */
export function ChunkItem({
  chunk,
  highlight,
  highlightRef,
}: {
  chunk: DocumentChunk;
  /** The cited part of this chunk's text (offsets into its content); null when not cited. */
  highlight: TextRange | null;
  highlightRef?: Ref<HTMLElement>;
}) {
  const piiTypes = piiTypesOf(chunk);
  const pages = pagesLabel(chunk) ?? sourceLabel(chunk);
  const targeted = highlight !== null;
  return (
    <li
      id={`chunk-${chunk.id}`}
      data-testid="chunk"
      data-chunk-id={chunk.id}
      data-chunk-index={chunk.chunk_index}
      data-cited={targeted || undefined}
      className={cx(
        "scroll-mt-4 rounded-lg border p-3",
        targeted
          ? "border-amber-500 bg-amber-50 ring-2 ring-amber-500 dark:border-amber-400 dark:bg-amber-950 dark:ring-amber-400"
          : "border-slate-200 dark:border-slate-700",
      )}
    >
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="text-sm font-semibold">
          Chunk {chunk.chunk_index + 1}
          {targeted && <span className="sr-only"> (cited passage)</span>}
        </h3>
        {pages && <span className="text-xs text-slate-600 dark:text-slate-300">{pages}</span>}
        {chunk.heading_path.length > 0 && (
          <span className="text-xs text-slate-600 dark:text-slate-300" data-testid="chunk-heading-path">
            {chunk.heading_path.join(" › ")}
          </span>
        )}
        <span className="text-xs text-slate-600 dark:text-slate-300">{chunk.token_count} tokens</span>
        {piiTypes.map((type) => (
          <Badge key={type} tone="warning">
            {chunk.pii_counts[type]} × {piiLabel(type)}
          </Badge>
        ))}
      </div>
      <ChunkText
        text={chunk.content}
        piiSpans={piiSpansOf(chunk)}
        highlight={highlight}
        highlightRef={highlightRef}
      />
    </li>
  );
}
