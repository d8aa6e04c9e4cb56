import type { User } from "@tributary/contracts";
import type { ReactNode } from "react";
import { formatDateTime } from "../../lib/format";
import { Badge } from "../../ui/feedback";
import { SettingsSection } from "../spaces/settings-section";
import { platformRoleDescriptions, platformRoleLabels } from "./platform-roles";

/** Who the user is to Tributary: address, role, verification and account dates (read-only). */
export function AccountDetails({ user }: { user: User }) {
  return (
    <SettingsSection id="profile-account" title="Account">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]" data-testid="profile-details">
        <Detail term="Email">
          <span className="break-all">{user.email}</span>
        </Detail>
        <Detail term="Email status">
          {user.email_verified ? (
            <Badge tone="success">Verified</Badge>
          ) : (
            <Badge tone="warning">Not verified</Badge>
          )}
        </Detail>
        <Detail term="Role">
          {platformRoleLabels[user.platform_role]}
          <span className="text-slate-600 dark:text-slate-300">
            {" "}
            · {platformRoleDescriptions[user.platform_role]}
          </span>
        </Detail>
        <Detail term="Member since">{formatDateTime(user.created_at)}</Detail>
        <Detail term="Last sign-in">
          {user.last_login_at ? formatDateTime(user.last_login_at) : "Not recorded yet"}
        </Detail>
      </dl>
    </SettingsSection>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-700 dark:text-slate-200">{term}</dt>
      <dd className="text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}
