import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

/** The item a confirm dialog is about, and the deletion it confirms. */
export function useConfirmedDelete<T>(remove: (item: T) => Promise<void>, onDeleted?: (item: T) => void) {
  const [target, setTarget] = useState<T | null>(null);
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: (_, item) => {
      setTarget(null);
      onDeleted?.(item);
    },
  });
  return {
    target,
    ask: (item: T) => {
      mutation.reset();
      setTarget(item);
    },
    cancel: () => setTarget(null),
    confirm: () => target !== null && mutation.mutate(target),
    busy: mutation.isPending,
    error: mutation.error,
  };
}
