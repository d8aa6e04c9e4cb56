import { useQuery } from "@tanstack/react-query";
import type { SpaceMember, UsageGroupBy } from "@tributary/contracts";
import { api } from "../../../api/client";
import { useSpaces } from "../../../layout/use-space";
import type { CursorPage } from "../../../ui/use-cursor-list";
import { useApiKeys } from "../api-keys/use-api-keys";

/** `label` is the name the API gave the group (keys, users and spaces), when it has one. */
export type GroupNamer = (group: string | null, label?: string | null) => string;

/**
 * Turns the ids usage is grouped by into names: the caller's own keys, their spaces and this
 * space's members from what the app already holds (with "You" and e-mail addresses), anything
 * else by the name the API gave it; an id without one (a deleted key) is shown as it is.
 */
export function useGroupNamer(
  spaceId: string,
  group: UsageGroupBy,
  currentUserId: string | null,
): GroupNamer {
  const keys = useApiKeys();
  const spaces = useSpaces();
  const members = useQuery({
    queryKey: ["space-members", spaceId],
    enabled: group === "user",
    queryFn: ({ signal }) =>
      api.get<CursorPage<SpaceMember>>(`/api/v1/spaces/${encodeURIComponent(spaceId)}/members`, {
        space: spaceId,
        query: { limit: 100 },
        signal,
      }),
  });
  return (value, label) => {
    switch (group) {
      case "api_key": {
        if (value === null) return "Signed-in sessions (no key)";
        const key = keys.items.find((item) => item.id === value);
        return key ? `${key.name} (${key.prefix}…)` : (label ?? `Key ${value}`);
      }
      case "user": {
        if (value === null) return "Unknown user";
        const member = members.data?.data.find((item) => item.user_id === value);
        const name = member ? `${member.full_name} (${member.email})` : (label ?? value);
        return value === currentUserId ? `You${member ? ` (${member.email})` : ""}` : name;
      }
      case "space":
        if (value === null) return "No space";
        return spaces.data?.find((space) => space.id === value)?.name ?? label ?? value;
      default:
        return value ?? "Unknown";
    }
  };
}
