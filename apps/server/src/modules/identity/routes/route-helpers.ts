import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";

/** Routes declared `auth: "required"` always have a principal; this makes that explicit. */
export function caller(principal: Principal | null): Principal {
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  return principal;
}

/**
 * For calls with a space in the path, the path is authoritative; an `X-Space-ID` header is
 * optional but, when sent, must name the same space (tas-identity-content §6 N12).
 */
export function pathSpace(request: FastifyRequest, spaceId: string): string {
  const header = request.headers["x-space-id"];
  const sent = Array.isArray(header) ? header[0] : header;
  if (sent !== undefined && sent !== spaceId) {
    throw new AppError("VALIDATION_ERROR", "X-Space-ID names a different space than the path", {
      details: { header: "X-Space-ID", path_space_id: spaceId },
    });
  }
  return spaceId;
}

export const userIdParam = z.uuid();
export const uuidParam = z.uuid();
