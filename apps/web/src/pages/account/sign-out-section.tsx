import { Button } from "../../ui/button";
import { SettingsSection } from "../spaces/settings-section";

/** Signing out of this browser; other browsers and devices stay signed in. */
export function SignOutSection({ busy, onSignOut }: { busy: boolean; onSignOut: () => void }) {
  return (
    <SettingsSection
      id="profile-sign-out"
      title="Sign out"
      description="Ends your session in this browser. Other browsers and devices stay signed in."
    >
      <div>
        <Button variant="secondary" busy={busy} onClick={onSignOut} data-testid="profile-sign-out">
          {busy ? "Signing out…" : "Sign out of this browser"}
        </Button>
      </div>
    </SettingsSection>
  );
}
