import { PageHeader } from "../../ui/feedback";

export function ApiKeysPage() {
  return <PageHeader title="API keys" />;
}
