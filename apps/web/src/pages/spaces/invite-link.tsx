import type { CreatedInvitation } from "@tributary/contracts";
import { useId, useRef, useState } from "react";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/button";
import { inputClass } from "../../ui/field";

/**
 * The link of a new invitation. The server keeps only a hash of its token, so this is the one time
 * it can be shown: it stays until the user dismisses it.
 */
export function InviteLink({
  invitation,
  onDismiss,
}: {
  invitation: CreatedInvitation;
  onDismiss: () => void;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const link = `${window.location.origin}/invitations/${encodeURIComponent(invitation.token)}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      // No clipboard permission (or plain http): select the text so Ctrl+C / long-press works.
      inputRef.current?.select();
      setCopied("failed");
    }
  }

  return (
    <div
      className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50"
      data-testid="invite-link"
    >
      <p className="font-medium">Invitation created for {invitation.email}</p>
      <p>
        Send this link to them. It is shown only now, works once, and expires{" "}
        {formatDateTime(invitation.expires_at)}.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor={id} className="sr-only">
          Invitation link for {invitation.email}
        </label>
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
          data-testid="invite-link-url"
        />
        <Button
          onClick={() => void copy()}
          className="shrink-0 whitespace-nowrap"
          data-testid="copy-invite-link"
        >
          {copied === "yes" ? "Copied" : "Copy link"}
        </Button>
      </div>
      <p role="status" className="min-h-5">
        {copied === "yes" && "The link is on your clipboard."}
        {copied === "failed" && "Copying is not allowed here: the link is selected, copy it yourself."}
      </p>
      <Button variant="secondary" onClick={onDismiss}>
        Done
      </Button>
    </div>
  );
}
