import type { Principal, SpaceContext } from "../../../http/context.js";
import { AppError } from "../../../platform/errors/index.js";
import type { ContentCaller } from "../../content/index.js";

/** Routes declared `auth: "required"` and `space: true` always have both; this makes that explicit. */
export function assistantCaller(principal: Principal | null, space: SpaceContext | null): ContentCaller {
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  if (!space) throw new AppError("VALIDATION_ERROR", "This call acts in a space: send the X-Space-ID header");
  return { principal, space };
}
