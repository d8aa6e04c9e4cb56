import { z } from "zod";
import { type AnyRoute, defineRoute, type HttpMethod } from "../../../http/route-builder.js";
import { AppError } from "../../../platform/errors/index.js";

const paths = ["/api/v1/datasets", "/api/v1/datasets/*", "/api/v1/search", "/api/v1/embeddings"] as const;
const methods: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * With VECTOR_STORE=disabled the retrieval paths answer 503 with the reason, rather than a 404
 * that would suggest a wrong URL.
 */
export function disabledRetrievalRoutes(): AnyRoute[] {
  return paths.flatMap((url) =>
    methods
      .filter((method) => !(url === "/api/v1/search" || url === "/api/v1/embeddings") || method === "POST")
      .map((method) =>
        defineRoute({
          method,
          url,
          summary: "Retrieval is disabled on this instance (VECTOR_STORE=disabled)",
          tags: ["search"],
          auth: "public",
          hidden: true,
          response: z.never(),
          handler: async () => {
            throw new AppError(
              "SERVICE_UNAVAILABLE",
              "Vector search is disabled on this instance (VECTOR_STORE=disabled). Install pgvector on the database and set VECTOR_STORE=pgvector to enable datasets, embeddings and search.",
              { details: { setting: "VECTOR_STORE", value: "disabled" } },
            );
          },
        }),
      ),
  );
}
