import type { ReactElement } from "react";
import { Badge } from "../../../ui/feedback";
import type { DatasetStatus } from "./dataset-status";

const badges: Record<DatasetStatus, ReactElement> = {
  ready: <Badge tone="success">Ready</Badge>,
  reembedding: <Badge tone="info">Re-embedding</Badge>,
  reembedding_failed: <Badge tone="danger">Re-embedding failed</Badge>,
};

export function DatasetStatusBadge({ status }: { status: DatasetStatus }) {
  return badges[status];
}
