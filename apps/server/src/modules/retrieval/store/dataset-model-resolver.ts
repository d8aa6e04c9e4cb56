import type { RetrievalDeps } from "../deps.js";
import { requireDataset } from "./find-dataset.js";

/** `(tenantId, datasetName) → the model it is pinned to`, as the embeddings route needs it. */
export function datasetModelResolver(deps: Pick<RetrievalDeps, "sql" | "embeddings">) {
  return (tenantId: string, datasetName: string): Promise<string> =>
    deps.sql.withTenant(tenantId, async (tx) => {
      const dataset = await requireDataset(tx, tenantId, datasetName, deps.embeddings.defaultModel);
      return dataset.embedding_model;
    });
}
