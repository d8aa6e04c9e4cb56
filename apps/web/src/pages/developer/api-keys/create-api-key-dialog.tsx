import type { CreatedApiKey } from "@tributary/contracts";
import { useState } from "react";
import { Dialog } from "../../../ui/dialog";
import { CreateApiKeyForm } from "./create-api-key-form";
import { CreatedKeySecret } from "./created-key-secret";
import { useCreateApiKey } from "./use-api-keys";

/** Creates a key, then shows its secret in the same dialog, once. */
export function CreateApiKeyDialog({
  open,
  spaceId,
  spaceName,
  canGrantAdmin,
  onClose,
}: {
  open: boolean;
  spaceId: string;
  spaceName: string;
  canGrantAdmin: boolean;
  onClose: () => void;
}) {
  const create = useCreateApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const close = () => {
    if (create.isPending) return;
    setCreated(null);
    create.reset();
    onClose();
  };

  return (
    <Dialog open={open} title={created ? "Your new API key" : "Create an API key"} onClose={close}>
      {created ? (
        <CreatedKeySecret apiKey={created} onDone={close} />
      ) : (
        <CreateApiKeyForm
          spaceId={spaceId}
          spaceName={spaceName}
          canGrantAdmin={canGrantAdmin}
          busy={create.isPending}
          error={create.error}
          onSubmit={(request) => create.mutate(request, { onSuccess: setCreated })}
          onCancel={close}
        />
      )}
    </Dialog>
  );
}
