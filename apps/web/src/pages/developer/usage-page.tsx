import { useNavigate, useSearch } from "@tanstack/react-router";
import { useAuth } from "../../auth/auth-context";
import { useSpaceId } from "../../layout/use-space";
import { UsageView } from "./usage/usage-view";

export function UsagePage() {
  const spaceId = useSpaceId();
  const search = useSearch({ from: "/s/$spaceId/usage" });
  const navigate = useNavigate();
  const { user } = useAuth();
  return (
    <UsageView
      spaceId={spaceId}
      currentUserId={user?.id ?? null}
      search={search}
      onSearchChange={(next) =>
        navigate({ to: "/s/$spaceId/usage", params: { spaceId }, search: next, replace: true })
      }
    />
  );
}
