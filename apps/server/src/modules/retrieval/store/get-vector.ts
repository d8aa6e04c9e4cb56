import type { VectorResponse } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import type { RetrievalDeps } from "../deps.js";
import { requireDataset } from "./find-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";
import { isUuid } from "./uuid.js";
import { allVectorFields, toVectorResponse, type VectorRow, vectorColumns } from "./vector-row.js";

export function vectorNotFound(vectorId: string, datasetName: string): AppError {
  return new AppError("VECTOR_NOT_FOUND", `Vector '${vectorId}' not found in dataset '${datasetName}'`, {
    details: { vector_id: vectorId, dataset_id: datasetName },
  });
}

/** One record of the dataset's searchable generation, with its values. */
export async function getVector(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  caller: RetrievalCaller,
  datasetName: string,
  vectorId: string,
): Promise<VectorResponse> {
  requireRetrievalAccess(caller, "read");
  const tenantId = tenantOf(caller);
  return deps.sql.withTenant(tenantId, async (tx) => {
    const dataset = await requireDataset(tx, tenantId, datasetName, deps.embeddings.defaultModel);
    if (!isUuid(vectorId)) throw vectorNotFound(vectorId, dataset.name);
    const [row] = await tx.query<VectorRow>(
      `SELECT ${vectorColumns(allVectorFields)} FROM dataset_vectors v
        WHERE v.tenant_id = $1 AND v.dataset_id = $2 AND v.generation = $3 AND v.id = $4`,
      [tenantId, dataset.id, dataset.generation, vectorId.toLowerCase()],
    );
    if (!row) throw vectorNotFound(vectorId, dataset.name);
    return toVectorResponse(row, dataset.name, allVectorFields);
  });
}
