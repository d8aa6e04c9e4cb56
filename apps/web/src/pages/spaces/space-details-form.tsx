import { useQueryClient } from "@tanstack/react-query";
import type { Space } from "@tributary/contracts";
import { api } from "../../api/client";
import { spacesQueryKey } from "../../layout/use-space";
import { NameDescriptionForm } from "./name-description-form";
import { spaceQueryKey } from "./space-queries";

/** The space's name and description; owners and admins edit them, others read them. */
export function SpaceDetailsForm({ space, canEdit }: { space: Space; canEdit: boolean }) {
  const queryClient = useQueryClient();
  return (
    <NameDescriptionForm
      current={space}
      canEdit={canEdit}
      save={async (changes) => {
        const saved = await api.patch<Space>(`/api/v1/spaces/${space.id}`, changes, { space: space.id });
        queryClient.setQueryData(spaceQueryKey(space.id), saved);
        // The switcher and the space list show the name too.
        await queryClient.invalidateQueries({ queryKey: spacesQueryKey, exact: true });
      }}
      sectionId="space-details"
      readOnlyNote="Only owners and admins of this space can change these."
      labels={{
        name: "Space name",
        description: "Description",
        hint: "What the space is for; members see it in their space list.",
      }}
      testIds={{ form: "space-details-form", save: "save-space-details" }}
    />
  );
}
