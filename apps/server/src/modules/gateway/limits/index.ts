export { createKeyLimits, type KeyLimits, type LimitDecision } from "./key-limits.js";
export { duration, rateLimitHeaders } from "./rate-limit-headers.js";
