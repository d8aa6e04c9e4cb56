import type { Ref } from "react";
import { cx } from "../../lib/cx";
import { type PiiSpan, piiLabel, splitText, type TextRange } from "./passage-highlights";

/** How personal data is marked in the text (also used by the legend). */
export const piiClass =
  "rounded-sm bg-fuchsia-100 text-fuchsia-950 underline decoration-dotted underline-offset-2 dark:bg-fuchsia-900 dark:text-fuchsia-50";

/**
 * A chunk's text with its personal data marked and, when a link asks for it, one passage
 * highlighted in a `<mark data-testid="highlighted-passage">`.
 */
export function ChunkText({
  text,
  piiSpans,
  highlight,
  highlightRef,
}: {
  text: string;
  piiSpans: readonly PiiSpan[];
  highlight: TextRange | null;
  highlightRef?: Ref<HTMLElement>;
}) {
  // A whole cited chunk already stands out by its card; a range inside it needs its own outline.
  const wholeText = highlight !== null && highlight.start <= 0 && highlight.end >= text.length;
  const pieces = splitText(text, piiSpans, highlight);
  const firstHighlighted = pieces.findIndex((piece) => piece.highlighted);
  const highlighted = pieces.filter((piece) => piece.highlighted);
  const before = firstHighlighted < 0 ? pieces : pieces.slice(0, firstHighlighted);
  const after = firstHighlighted < 0 ? [] : pieces.slice(firstHighlighted + highlighted.length);

  const render = (list: typeof pieces, keyPrefix: string) =>
    list.map((piece, index) =>
      piece.pii ? (
        <span
          // Pieces never move within a chunk's text, so their position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={`${keyPrefix}${index}`}
          className={piiClass}
          data-pii={piece.pii.type}
          title={`Personal data: ${piiLabel(piece.pii.type)}${piece.pii.redacted ? " (redacted)" : ""}`}
        >
          <span className="sr-only">[{piiLabel(piece.pii.type)}:] </span>
          {piece.text}
        </span>
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: pieces never move within a chunk's text
        <span key={`${keyPrefix}${index}`}>{piece.text}</span>
      ),
    );

  return (
    <p className="whitespace-pre-wrap break-words text-sm leading-relaxed text-slate-800 dark:text-slate-100">
      {render(before, "b")}
      {highlighted.length > 0 && (
        <mark
          ref={highlightRef}
          tabIndex={-1}
          data-testid="highlighted-passage"
          // Focused by code (tabIndex -1) so screen readers start there; the highlight itself shows it.
          className={cx(
            "rounded-sm outline-none box-decoration-clone",
            wholeText ? "bg-transparent" : "px-0.5 ring-1 ring-amber-600 dark:ring-amber-400",
          )}
        >
          {render(highlighted, "h")}
        </mark>
      )}
      {render(after, "a")}
    </p>
  );
}
