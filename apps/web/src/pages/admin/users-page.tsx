import { useAuth } from "../../auth/auth-context";
import { UsersView } from "./users/users-view";

export function UsersPage() {
  const { user } = useAuth();
  return <UsersView currentUserId={user?.id ?? null} />;
}
