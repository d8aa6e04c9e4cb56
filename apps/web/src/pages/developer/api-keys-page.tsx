import { useAuth } from "../../auth/auth-context";
import { useSpaceId, useSpaces } from "../../layout/use-space";
import { ApiKeysView } from "./api-keys/api-keys-view";

export function ApiKeysPage() {
  const spaceId = useSpaceId();
  const spaces = useSpaces();
  const { user } = useAuth();
  const spaceNames = new Map((spaces.data ?? []).map((space) => [space.id, space.name]));
  return (
    <ApiKeysView spaceId={spaceId} spaceNames={spaceNames} canGrantAdmin={user?.platform_role === "admin"} />
  );
}
