import { PageHeader } from "../../ui/feedback";

export function SpaceSettingsPage() {
  return <PageHeader title="Space settings" />;
}
