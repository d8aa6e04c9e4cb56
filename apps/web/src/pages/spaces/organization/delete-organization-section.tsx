import { useQueryClient } from "@tanstack/react-query";
import type { Organization } from "@tributary/contracts";
import { useState } from "react";
import { api } from "../../../api/client";
import { spacesQueryKey } from "../../../layout/use-space";
import { Button } from "../../../ui/button";
import { AsyncConfirmDialog } from "../../../ui/confirm-dialog";
import { SettingsSection } from "../settings-section";
import { organizationsQueryKey } from "../space-queries";

/** Deleting the organization with all of its spaces (owners only). */
export function DeleteOrganizationSection({
  organization,
  onDeleted,
}: {
  organization: Organization;
  /** The current space went with it: the page must move elsewhere. */
  onDeleted: () => void;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  return (
    <SettingsSection
      id="organization-delete"
      title="Delete organization"
      description="Removes the organization, its teams and every one of its spaces, with their documents, for all members."
    >
      <div>
        <Button variant="danger" onClick={() => setConfirming(true)} data-testid="delete-organization">
          Delete this organization
        </Button>
      </div>
      <AsyncConfirmDialog
        open={confirming}
        title={`Delete “${organization.name}”?`}
        confirmLabel="Delete organization"
        onConfirm={async () => {
          await api.delete(`/api/v1/organizations/${organization.id}`);
          onDeleted();
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: spacesQueryKey }),
            queryClient.invalidateQueries({ queryKey: organizationsQueryKey }),
          ]);
        }}
        onClose={() => setConfirming(false)}
      >
        Every member loses access to “{organization.name}”, its teams and all of its spaces, with everything
        in them. This cannot be undone from the web app.
      </AsyncConfirmDialog>
    </SettingsSection>
  );
}
