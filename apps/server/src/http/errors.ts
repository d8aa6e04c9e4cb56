import type { ErrorEnvelope } from "@tributary/contracts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, httpStatusOf, isAppError } from "../platform/errors/index.js";

/** Maps anything thrown on a request to the error envelope: the only place codes become statuses. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? "body";
    return new AppError("VALIDATION_ERROR", `The request ${context} is invalid`, {
      details: {
        issues: error.validation.map((issue) => ({
          location: context,
          path: issue.instancePath.replace(/^\//, "").split("/").filter(Boolean),
          message: issue.message,
        })),
      },
    });
  }
  if (isNulRejectedByDatabase(error)) {
    return new AppError("VALIDATION_ERROR", "Text may not contain the NUL character (U+0000)", {
      details: { issues: [{ location: "body", path: [], message: "contains U+0000" }] },
    });
  }
  const fastifyError = error as Partial<FastifyError> & { type?: string };
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new AppError(codeForClientError(fastifyError, status), clientMessage(fastifyError, status));
  }
  return new AppError("INTERNAL_ERROR", "An unexpected error occurred; it has been logged", { cause: error });
}

/**
 * PostgreSQL cannot store U+0000 in text (SQLSTATE 22021) or jsonb (22P05). Valid JSON may carry
 * it, so it reaches the database from any string field: the client's input, not a server fault.
 */
function isNulRejectedByDatabase(error: unknown): boolean {
  const { code, message, detail } = error as { code?: unknown; message?: unknown; detail?: unknown };
  if (code !== "22021" && code !== "22P05") return false;
  const text = `${typeof message === "string" ? message : ""} ${typeof detail === "string" ? detail : ""}`;
  return text.includes("0x00") || text.includes("\\u0000");
}

function codeForClientError(error: Partial<FastifyError>, status: number): ErrorCode {
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 414) return "URI_TOO_LONG";
  if (status === 415) return "UNSUPPORTED_MEDIA_TYPE";
  if (status === 404) return "NOT_FOUND";
  if (status === 405) return "METHOD_NOT_ALLOWED";
  if (status === 429) return "RATE_LIMITED";
  if (
    error instanceof SyntaxError ||
    error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
    error.code === "FST_ERR_CTP_INVALID_JSON_BODY"
  ) {
    return "INVALID_JSON";
  }
  return "VALIDATION_ERROR";
}

function clientMessage(error: Partial<FastifyError>, status: number): string {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "The request body is larger than this endpoint accepts";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "This endpoint does not accept that Content-Type; send application/json";
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return `The body is not valid JSON: ${error.message ?? "parse error"}`;
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "The body is empty but Content-Type is application/json; send a JSON document";
    default:
      if (error instanceof SyntaxError) return `The body is not valid JSON: ${error.message}`;
      return status === 413 ? "The request is too large" : (error.message ?? "Bad request");
  }
}

export function errorEnvelope(error: AppError, requestId: string): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      request_id: requestId,
    },
  };
}

/** Fastify error handler: expected client errors are logged quietly, server errors with their cause. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  const status = httpStatusOf(appError.code);
  if (status >= 500) request.log.error({ err: error }, "request failed");
  else request.log.info({ code: appError.code }, appError.message);
  return reply.status(status).headers(appError.headers).send(errorEnvelope(appError, request.id));
}
