import type { Principal, SpaceContext } from "../../../http/context.js";
import { AppError } from "../../../platform/errors/index.js";
import type { RetrievalCaller } from "../store/retrieval-access.js";

/** Routes declared `auth: "required"` and `space: true` always have both; this makes that explicit. */
export function retrievalCaller(principal: Principal | null, space: SpaceContext | null): RetrievalCaller {
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  if (!space) throw new AppError("VALIDATION_ERROR", "This call acts in a space: send the X-Space-ID header");
  return { principal, space };
}

export const readScopes = ["documents:read", "documents:write"];
export const writeScopes = ["documents:write"];
