import { AppError } from "../../../platform/errors/index.js";

/** The one error every malformed filter answers with (400 INVALID_SEARCH_PARAMS). */
export function invalidFilter(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError("INVALID_SEARCH_PARAMS", `Invalid filter: ${message}`, { details });
}
