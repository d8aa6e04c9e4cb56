import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Organization, Space } from "@tributary/contracts";
import { api } from "../../api/client";
import { spacesQueryKey } from "../../layout/use-space";
import { organizationsQueryKey } from "./space-queries";

/** The organization choice that creates a new organization (with its own space) instead. */
export const newOrganization = "new";

export interface CreateSpaceInput {
  readonly name: string;
  readonly description: string;
  /** An organization the caller owns or administers, or `newOrganization`. */
  readonly organizationId: string;
}

/**
 * Creates a shared space and answers its id. Every shared space belongs to an organization: a new
 * organization comes with its own space (POST /organizations), while an existing one gets an
 * additional space (POST /spaces).
 */
export function useCreateSpace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, description, organizationId }: CreateSpaceInput): Promise<string> => {
      const details = {
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      };
      if (organizationId === newOrganization) {
        return (await api.post<Organization>("/api/v1/organizations", details)).space_id;
      }
      return (await api.post<Space>("/api/v1/spaces", { ...details, organization_id: organizationId })).id;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: spacesQueryKey }),
        queryClient.invalidateQueries({ queryKey: organizationsQueryKey }),
      ]),
  });
}
