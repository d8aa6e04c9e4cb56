/**
 * Which adapters the test lanes use. `npm test` runs the embedded adapters only;
 * `npm run test:services` sets TRIBUTARY_TEST_LANE=services and runs the same suites against
 * the servers named by DATABASE_URL, REDIS_URL, NATS_URL and S3 (an in-process S3 API server
 * when S3_ENDPOINT is unset). Read here so that `process.env` stays inside config.
 */
export interface TestServices {
  readonly lane: "embedded" | "services";
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly natsUrl: string | undefined;
  /** TRIBUTARY_TEST_LOG_LEVEL shows the logs of test instances (silent by default). */
  readonly logLevel: string;
  /** TRIBUTARY_TEST_GGUF_MODEL: the GGUF file local-provider tests load (default: ../shared/models). */
  readonly ggufModelPath: string | undefined;
}

export function testServices(env: Readonly<Record<string, string | undefined>> = process.env): TestServices {
  const lane = env.TRIBUTARY_TEST_LANE === "services" ? "services" : "embedded";
  const pick = (value: string | undefined) => (lane === "services" && value ? value : undefined);
  return {
    lane,
    databaseUrl: pick(env.DATABASE_URL),
    redisUrl: pick(env.REDIS_URL),
    natsUrl: pick(env.NATS_URL),
    logLevel: env.TRIBUTARY_TEST_LOG_LEVEL ?? "silent",
    ggufModelPath: env.TRIBUTARY_TEST_GGUF_MODEL || undefined,
  };
}

/** A reason to print when a server adapter's suite is skipped, or undefined when it runs. */
export function skipReason(
  services: TestServices,
  variable: "DATABASE_URL" | "REDIS_URL" | "NATS_URL",
): string | undefined {
  if (services.lane === "embedded")
    return `server adapters run in \`npm run test:services\`, not \`npm test\``;
  const value =
    variable === "DATABASE_URL"
      ? services.databaseUrl
      : variable === "REDIS_URL"
        ? services.redisUrl
        : services.natsUrl;
  return value ? undefined : `${variable} is not set`;
}
