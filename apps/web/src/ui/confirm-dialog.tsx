import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { ErrorMessage } from "./feedback";

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  /** What will happen, and whether it can be undone. */
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly tone?: "danger" | "primary";
  readonly busy: boolean;
  readonly error: unknown;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** Asks before an action that is hard to take back; shows its progress and its failure in place. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = "danger",
  busy,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onClose} busy={busy}>
      <div className="space-y-4">
        <div className="space-y-4 text-sm text-slate-700 dark:text-slate-200">{children}</div>
        <ErrorMessage error={error} title={`${confirmLabel} did not work`} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant={tone} busy={busy} onClick={onConfirm} data-testid="confirm-action">
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export interface AsyncConfirmDialogProps extends Omit<ConfirmDialogProps, "busy" | "error" | "onConfirm"> {
  /** Runs the action; the dialog stays open with the API's message when it fails. */
  readonly onConfirm: () => Promise<unknown>;
}

/** A ConfirmDialog that tracks its own action: busy while it runs, closed when it succeeds. */
export function AsyncConfirmDialog({ onConfirm, onClose, ...rest }: AsyncConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setBusy(false);
      onClose();
    } catch (caught) {
      setBusy(false);
      setError(caught);
    }
  }
  return <ConfirmDialog {...rest} busy={busy} error={error} onConfirm={confirm} onClose={close} />;
}
