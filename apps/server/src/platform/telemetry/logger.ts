import { type Logger, pino } from "pino";

export type { Logger };

/** JSON logs with secrets redacted wherever they might appear in a logged object. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: "tributary" },
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers['x-api-key']",
          "req.headers.cookie",
          "*.password",
          "*.secret",
          "*.secretKey",
          "*.api_key",
          "*.apiKey",
        ],
        censor: "***",
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}
