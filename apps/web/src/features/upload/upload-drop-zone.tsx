import { type DragEvent, useEffect, useState } from "react";
import { cx } from "../../lib/cx";

/**
 * Where files enter the queue: dropped anywhere on the zone, or picked with the "Upload documents"
 * button (a real file input, so it works from the keyboard and in browser tests).
 */
export function UploadDropZone({
  notebookName,
  onFiles,
  disabled = false,
}: {
  notebookName: string;
  onFiles: (files: File[]) => void;
  disabled?: boolean;
}) {
  const [dragging, setDragging] = useState(false);

  // A file dropped beside the zone would make the browser open it, leaving the page and its queue.
  useEffect(() => {
    const guard = (event: globalThis.DragEvent) => {
      if (event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files"))
        event.preventDefault();
    };
    window.addEventListener("dragover", guard);
    window.addEventListener("drop", guard);
    return () => {
      window.removeEventListener("dragover", guard);
      window.removeEventListener("drop", guard);
    };
  }, []);

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");
  function onDragOver(event: DragEvent) {
    if (disabled || !hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }
  function onDrop(event: DragEvent) {
    if (disabled || !hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    onFiles(Array.from(event.dataTransfer.files));
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file button inside does the same from the keyboard
    <div
      data-testid="upload-dropzone"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(event) => {
        // Leaving for a child of the zone is not leaving the zone.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      className={cx(
        "flex flex-col items-center gap-3 rounded-lg border-2 border-dashed p-6 text-center transition-colors",
        dragging
          ? "border-blue-500 bg-blue-50 dark:border-blue-400 dark:bg-blue-950"
          : "border-slate-300 dark:border-slate-600",
        disabled && "opacity-70",
      )}
    >
      <p className="text-sm text-slate-700 dark:text-slate-200">
        Drop files here to add them to <span className="font-medium">{notebookName}</span>, or
      </p>
      <label
        className={cx(
          "inline-flex cursor-pointer items-center rounded-md bg-blue-600 px-3 py-2 text-sm font-medium text-white hover:bg-blue-700 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-500",
          disabled && "cursor-not-allowed bg-blue-400 hover:bg-blue-400",
        )}
      >
        Upload documents
        <input
          type="file"
          multiple
          disabled={disabled}
          data-testid="upload-input"
          className="sr-only"
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            // Clear it, so choosing the same file again (after a failure) still fires a change.
            event.currentTarget.value = "";
            onFiles(files);
          }}
        />
      </label>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        PDF, Word, PowerPoint, Excel, CSV, HTML, Markdown, text, RTF, ODT and images. Several files at once
        are fine.
      </p>
    </div>
  );
}
