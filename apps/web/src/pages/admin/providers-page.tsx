import { ProvidersView } from "./providers/providers-view";

/** Platform-wide, not per space; the API refuses non-admins, and the view says so. */
export function ProvidersPage() {
  return <ProvidersView />;
}
