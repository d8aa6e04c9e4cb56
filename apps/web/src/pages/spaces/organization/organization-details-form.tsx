import { useQueryClient } from "@tanstack/react-query";
import type { Organization } from "@tributary/contracts";
import { api } from "../../../api/client";
import { NameDescriptionForm } from "../name-description-form";
import { organizationsQueryKey } from "../space-queries";
import { organizationQueryKey } from "./organization-queries";

/** The organization's name and description; owners and admins edit them, members read them. */
export function OrganizationDetailsForm({
  organization,
  canEdit,
}: {
  organization: Organization;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  return (
    <NameDescriptionForm
      current={organization}
      canEdit={canEdit}
      save={async (changes) => {
        const saved = await api.patch<Organization>(`/api/v1/organizations/${organization.id}`, changes);
        queryClient.setQueryData(organizationQueryKey(organization.id), saved);
        // The organization list (the "Create space" dialog) shows the name too.
        await queryClient.invalidateQueries({ queryKey: organizationsQueryKey, exact: true });
      }}
      sectionId="organization-details"
      readOnlyNote="Only owners and admins of the organization can change these."
      labels={{
        name: "Organization name",
        description: "Organization description",
        hint: "What the organization is; its members see it here.",
      }}
      testIds={{ form: "organization-details-form", save: "save-organization" }}
    />
  );
}
