import type { ApiKey } from "@tributary/contracts";
import { useState } from "react";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog as ConfirmDialog } from "../../../ui/confirm-dialog";
import { EmptyState, ErrorMessage, PageHeader, Spinner } from "../../../ui/feedback";
import { LoadMore } from "../../../ui/load-more";
import { ApiKeyList } from "./api-key-list";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { useApiKeys, useRevokeApiKey } from "./use-api-keys";

export interface ApiKeysViewProps {
  readonly spaceId: string;
  readonly spaceNames: ReadonlyMap<string, string>;
  readonly canGrantAdmin: boolean;
}

/** The user's API keys: list, create (secret shown once), revoke. */
export function ApiKeysView({ spaceId, spaceNames, canGrantAdmin }: ApiKeysViewProps) {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const spaceName = spaceNames.get(spaceId) ?? "this space";

  const createButton = (
    <Button onClick={() => setCreating(true)} data-testid="create-api-key">
      Create API key
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your apps call Tributary's API and its OpenAI-compatible gateway on your behalf."
        actions={createButton}
      />
      {keys.isPending ? (
        <Spinner label="Loading your API keys" />
      ) : keys.error ? (
        <ErrorMessage error={keys.error} title="Your API keys could not be loaded" />
      ) : keys.items.length === 0 ? (
        <EmptyState
          title="No API keys yet"
          action={<Button onClick={() => setCreating(true)}>Create your first key</Button>}
        >
          Create a key, then send it as <code>Authorization: Bearer …</code> to{" "}
          <code>/v1/chat/completions</code> or the API.
        </EmptyState>
      ) : (
        <>
          <ApiKeyList keys={keys.items} spaceNames={spaceNames} onRevoke={setRevoking} />
          <LoadMore
            hasMore={keys.hasNextPage}
            loading={keys.isFetchingNextPage}
            onLoadMore={() => keys.fetchNextPage()}
          />
        </>
      )}
      <CreateApiKeyDialog
        open={creating}
        spaceId={spaceId}
        spaceName={spaceName}
        canGrantAdmin={canGrantAdmin}
        onClose={() => setCreating(false)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this API key?"
        confirmLabel="Revoke key"
        onConfirm={() => (revoking ? revoke.mutateAsync(revoking.id) : Promise.resolve())}
        onClose={() => setRevoking(null)}
      >
        <p>
          “{revoking?.name}” (<span className="font-mono">{revoking?.prefix}…</span>) stops working within a
          second, everywhere it is used. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
