import type { CreatedApiKey } from "@tributary/contracts";
import { useRef, useState } from "react";
import { Button } from "../../../ui/button";
import { Notice } from "../../../ui/feedback";

type CopyState = "idle" | "copied" | "selected";

/**
 * The whole key, shown this once: the server keeps only its hash. Copying uses the clipboard API;
 * where that is refused (no permission, plain http), the text is selected for the user to copy.
 */
export function CreatedKeySecret({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const secretRef = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(apiKey.secret);
      setCopy("copied");
    } catch {
      selectSecret();
      setCopy("selected");
    }
  }

  function selectSecret() {
    const node = secretRef.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  return (
    <div className="space-y-4">
      <Notice tone="warning">
        <strong>Copy this key now.</strong> It is shown only this once: Tributary stores only a hash of it. If
        you lose it, revoke it and create a new one.
      </Notice>
      <div>
        <p className="mb-1 text-sm font-medium">Secret of “{apiKey.name}”</p>
        <code
          ref={secretRef}
          data-testid="api-key-secret"
          className="block select-all break-all rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
        >
          {apiKey.secret}
        </code>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-slate-700 dark:text-slate-200">
        {copy === "copied" && "Copied to the clipboard."}
        {copy === "selected" &&
          "The clipboard is not available here: the key is selected, press Ctrl+C (⌘C) to copy it."}
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={copySecret}>
          Copy key
        </Button>
        <Button onClick={onDone}>I have saved the key</Button>
      </div>
    </div>
  );
}
