import type { ReactNode } from "react";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { ErrorMessage } from "../../ui/feedback";

/** Asks before an action that cannot be undone; shows its progress and its failure in place. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="space-y-4">
        <div className="text-sm text-slate-700 dark:text-slate-200">{children}</div>
        <ErrorMessage error={error} title={`${confirmLabel} did not work`} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={onConfirm} data-testid="confirm-action">
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
