import { z } from "zod";

/** The platform API's one error envelope (`/api/v1`, health, docs). The gateway uses each wire protocol's own. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().describe("A stable, closed-set code such as NOT_FOUND or VALIDATION_ERROR"),
      message: z.string().describe("What went wrong and, where possible, what to do about it"),
      details: z.record(z.string(), z.unknown()).optional(),
      request_id: z.string().describe("Matches the X-Request-ID response header"),
    }),
  })
  .meta({ id: "ErrorEnvelope" });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
