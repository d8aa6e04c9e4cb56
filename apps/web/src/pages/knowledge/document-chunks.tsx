import type { Document, DocumentChunk } from "@tributary/contracts";
import { useEffect, useId, useMemo, useRef } from "react";
import { Button } from "../../ui/button";
import { EmptyState, ErrorMessage, Notice, Spinner } from "../../ui/feedback";
import { ChunkItem } from "./chunk-item";
import { piiClass } from "./chunk-text";
import { useDocumentChunks } from "./knowledge-queries";
import {
  chunkForRange,
  hasUnmarkablePii,
  parseRange,
  piiSpansOf,
  rangeInChunk,
  type TextRange,
} from "./passage-highlights";

interface Target {
  readonly chunk: DocumentChunk;
  /** The marked range inside the chunk's content (all of it when only the chunk is cited). */
  readonly highlight: TextRange;
  /** Found by the link's range (not only by its chunk). */
  readonly byRange: boolean;
  readonly key: string;
}

/**
 * The document's text, chunk by chunk. Citations link here with `?chunk=` and/or `?range=`: the
 * pages are loaded until the cited passage is found, which is then highlighted and scrolled to.
 */
export function DocumentChunks({
  spaceId,
  document,
  chunkId,
  rawRange,
}: {
  spaceId: string;
  document: Document;
  chunkId: string | undefined;
  rawRange: string | undefined;
}) {
  const titleId = useId();
  const chunks = useDocumentChunks(spaceId, document.id, document.chunk_count > 0);
  const loaded = useMemo(() => chunks.data?.pages.flatMap((page) => page.data) ?? [], [chunks.data]);
  const range = parseRange(rawRange);
  const target = findTarget(loaded, chunkId, range);
  const wanted = Boolean(chunkId || range);
  const rangeFound = range !== null && target?.byRange === true;

  // Keep loading pages until the cited passage shows up (or there is nothing more to load).
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = chunks;
  const searching = wanted && !(range ? rangeFound : target) && hasNextPage;
  // `loaded.length` re-runs it per page: a fast page can arrive without a render showing it in flight.
  const loadedCount = loaded.length;
  useEffect(() => {
    if (searching && loadedCount > 0 && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [searching, loadedCount, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const targetRef = useRef<HTMLElement | null>(null);
  const scrolledTo = useRef<string | null>(null);
  const targetKey = target?.key ?? null;
  useEffect(() => {
    if (!targetKey || scrolledTo.current === targetKey) return;
    const element = targetRef.current;
    if (!element) return;
    scrolledTo.current = targetKey;
    // After the router's own scroll restoration for the new page.
    const frame = requestAnimationFrame(() => {
      element.scrollIntoView?.({ block: "center" });
      element.focus?.({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [targetKey]);

  const heading = (
    <h2 id={titleId} className="text-lg font-semibold">
      Text and chunks
    </h2>
  );

  if (document.chunk_count === 0 && loaded.length === 0) {
    return (
      <section aria-labelledby={titleId} className="space-y-3">
        {heading}
        <EmptyState title={emptyTitle(document)}>{emptyHint(document)}</EmptyState>
      </section>
    );
  }

  const anyMarked = loaded.some((chunk) => piiSpansOf(chunk).length > 0);
  const anyUnmarkable = loaded.some(hasUnmarkablePii);
  const allLoaded = !hasNextPage;
  return (
    <section aria-labelledby={titleId} className="min-w-0 space-y-3">
      {heading}
      {rawRange && !range && (
        <Notice tone="warning">
          The link's range “{rawRange}” is not a valid start–end pair of character positions
          {chunkId ? "; the cited chunk is highlighted instead." : "."}
        </Notice>
      )}
      {range && !rangeFound && allLoaded && !chunks.isPending && (
        <Notice tone="warning">
          Characters {range.start}–{range.end} are not in this document's current text (it may have been
          processed again since the link was made)
          {target ? "; the cited chunk is highlighted instead." : "."}
        </Notice>
      )}
      {chunkId && !range && !target && allLoaded && !chunks.isPending && (
        <Notice tone="warning">
          The cited passage is no longer in this document (it may have been processed again since the link was
          made). Its current text is below.
        </Notice>
      )}
      {(anyMarked || anyUnmarkable) && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {anyMarked && (
            <>
              <span className={piiClass}>Marked like this</span>: personal data found in the text.{" "}
            </>
          )}
          {anyUnmarkable &&
            "Names and places found before this version are counted on each chunk but not marked: reprocess the document to mark them."}
        </p>
      )}
      {chunks.isPending ? (
        <Spinner label="Loading chunks" />
      ) : !chunks.data ? (
        <ErrorMessage error={chunks.error} title="The chunks could not be loaded" />
      ) : (
        <ol aria-label="Chunks" data-testid="chunks-list" className="space-y-3">
          {loaded.map((chunk) => (
            <ChunkItem
              key={chunk.id}
              chunk={chunk}
              highlight={target?.chunk.id === chunk.id ? target.highlight : null}
              highlightRef={target?.chunk.id === chunk.id ? targetRef : undefined}
            />
          ))}
        </ol>
      )}
      {searching && <Spinner label="Finding the cited passage" />}
      {isFetchNextPageError && <ErrorMessage error={chunks.error} title="More chunks could not be loaded" />}
      {hasNextPage && !searching && (
        <Button variant="secondary" busy={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          Load more chunks ({loaded.length} of {document.chunk_count} shown)
        </Button>
      )}
    </section>
  );
}

/** The passage a link points at: a range inside a chunk when given, else the named chunk. */
function findTarget(
  chunks: readonly DocumentChunk[],
  chunkId: string | undefined,
  range: TextRange | null,
): Target | null {
  if (range) {
    const chunk = chunkForRange(chunks, range, chunkId);
    const highlight = chunk ? rangeInChunk(chunk, range) : null;
    if (chunk && highlight) {
      return { chunk, highlight, byRange: true, key: `range:${chunk.id}:${range.start}-${range.end}` };
    }
  }
  const named = chunkId ? chunks.find((chunk) => chunk.id === chunkId) : undefined;
  if (!named) return null;
  return {
    chunk: named,
    highlight: { start: 0, end: named.content.length },
    byRange: false,
    key: `chunk:${named.id}`,
  };
}

function emptyTitle(document: Document): string {
  if (document.status === "processing" || document.status === "uploading") return "Processing the document";
  if (document.status === "failed") return "Processing failed";
  return "No text in this document";
}

function emptyHint(document: Document): string {
  if (document.status === "processing" || document.status === "uploading") {
    return "Its text and chunks appear here as soon as processing finishes; the page updates by itself.";
  }
  if (document.status === "failed") {
    return "Nothing could be read from it. Fix the file and upload it again, or reprocess it if the cause was temporary.";
  }
  return "No readable text was found (an image without text, or an empty file). Upload a version with text to search it.";
}
