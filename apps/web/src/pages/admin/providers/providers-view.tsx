import type { GatewayModel, GatewayProvider } from "@tributary/contracts";
import { useState } from "react";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog as ConfirmDialog } from "../../../ui/confirm-dialog";
import { EmptyState, PageHeader, Spinner } from "../../../ui/feedback";
import { LoadMore } from "../../../ui/load-more";
import { AdminLoadError, isForbidden } from "../admin-access";
import { ModelFormDialog } from "./model-form-dialog";
import { ModelList } from "./model-list";
import { PricesDialog } from "./prices-dialog";
import { ProviderFormDialog } from "./provider-form-dialog";
import { ProviderList } from "./provider-list";
import { useDeleteModel, useDeleteProvider, useModels, useProviders } from "./use-catalog";

type Editing<T> = { readonly item: T | null } | null;

/** The gateway's catalog: providers (where calls go) and models (what clients ask for). */
export function ProvidersView() {
  const providers = useProviders();
  const models = useModels();
  const deleteProvider = useDeleteProvider();
  const deleteModel = useDeleteModel();
  const [providerForm, setProviderForm] = useState<Editing<GatewayProvider>>(null);
  const [modelForm, setModelForm] = useState<Editing<GatewayModel>>(null);
  const [pricing, setPricing] = useState<GatewayModel | null>(null);
  const [removingProvider, setRemovingProvider] = useState<GatewayProvider | null>(null);
  const [removingModel, setRemovingModel] = useState<GatewayModel | null>(null);

  if (isForbidden(providers.error)) {
    return (
      <>
        <PageHeader title="Providers & models" />
        <AdminLoadError error={providers.error} what="the gateway's providers and models" />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Providers & models"
        description="Where the gateway sends calls, and the models clients may ask for. Changes reach every node within a second."
      />
      <section aria-labelledby="providers-heading" className="mb-10">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="providers-heading" className="text-lg font-semibold">
            Providers
          </h2>
          <Button onClick={() => setProviderForm({ item: null })} data-testid="add-provider">
            Add provider
          </Button>
        </div>
        {providers.isPending ? (
          <Spinner label="Loading providers" />
        ) : providers.error ? (
          <AdminLoadError error={providers.error} what="providers" />
        ) : providers.items.length === 0 ? (
          <EmptyState title="No providers yet">
            Add one (OpenAI, Anthropic or an OpenAI-compatible server) before adding models.
          </EmptyState>
        ) : (
          <>
            <ProviderList
              providers={providers.items}
              onEdit={(item) => setProviderForm({ item })}
              onDelete={setRemovingProvider}
            />
            <LoadMore
              hasMore={providers.hasNextPage}
              loading={providers.isFetchingNextPage}
              onLoadMore={() => providers.fetchNextPage()}
            />
          </>
        )}
      </section>
      <section aria-labelledby="models-heading">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="models-heading" className="text-lg font-semibold">
            Models
          </h2>
          <Button
            onClick={() => setModelForm({ item: null })}
            disabled={providers.items.length === 0}
            data-testid="add-model"
          >
            Add model
          </Button>
        </div>
        {models.isPending ? (
          <Spinner label="Loading models" />
        ) : models.error ? (
          <AdminLoadError error={models.error} what="models" />
        ) : models.items.length === 0 ? (
          <EmptyState title="No models yet">
            {providers.items.length === 0
              ? "Add a provider first, then the models it serves."
              : "Add a model and deploy it on a provider; clients then call it by name."}
          </EmptyState>
        ) : (
          <>
            <ModelList
              models={models.items}
              onEdit={(item) => setModelForm({ item })}
              onPrices={setPricing}
              onDelete={setRemovingModel}
            />
            <LoadMore
              hasMore={models.hasNextPage}
              loading={models.isFetchingNextPage}
              onLoadMore={() => models.fetchNextPage()}
            />
          </>
        )}
      </section>

      <ProviderFormDialog
        open={providerForm !== null}
        provider={providerForm?.item ?? null}
        onClose={() => setProviderForm(null)}
      />
      <ModelFormDialog
        open={modelForm !== null}
        model={modelForm?.item ?? null}
        providers={providers.items}
        onClose={() => setModelForm(null)}
      />
      <PricesDialog model={pricing} onClose={() => setPricing(null)} />
      <ConfirmDialog
        open={removingProvider !== null}
        title="Delete this provider?"
        confirmLabel="Delete provider"
        onConfirm={() =>
          removingProvider ? deleteProvider.mutateAsync(removingProvider.id) : Promise.resolve()
        }
        onClose={() => setRemovingProvider(null)}
      >
        <p>
          “{removingProvider?.name}” and its stored key are deleted. A provider that models are still deployed
          on cannot be deleted: remove those deployments first.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={removingModel !== null}
        title="Delete this model?"
        confirmLabel="Delete model"
        onConfirm={() => (removingModel ? deleteModel.mutateAsync(removingModel.id) : Promise.resolve())}
        onClose={() => setRemovingModel(null)}
      >
        <p>
          “{removingModel?.name}”, its aliases, deployments and price book are deleted. Clients calling it get
          an “invalid model” error from then on.
        </p>
      </ConfirmDialog>
    </>
  );
}
