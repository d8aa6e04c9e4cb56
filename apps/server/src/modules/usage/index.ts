export { queryUsage, type UsageViewer } from "./query-usage.js";
export { type UsageRouteDeps, usageRoutes } from "./routes/usage-routes.js";
export { type SpendScope, spentSince } from "./spent-since.js";
export type { UsageRecordInput } from "./usage-record.js";
export {
  createUsageRecorder,
  type TokenClass,
  type UsageMetrics,
  type UsageRecorder,
  type UsageRecorderOptions,
} from "./usage-recorder.js";
export type { UsageWriter } from "./write-usage-batch.js";
