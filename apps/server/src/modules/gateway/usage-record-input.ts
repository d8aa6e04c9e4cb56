import type { UsageRecordInput } from "../usage/index.js";
import type { GatewayUsageRecord } from "./gateway-ports.js";

/** The gateway's view of a call, as the usage module stores it. */
export function toUsageRecordInput(record: GatewayUsageRecord): UsageRecordInput {
  const { usage, deploymentId, priceVersion, ...rest } = record;
  return {
    ...rest,
    ...usage,
    deploymentId: deploymentId ?? "",
    priceVersion: priceVersion === null ? "" : String(priceVersion),
  };
}
