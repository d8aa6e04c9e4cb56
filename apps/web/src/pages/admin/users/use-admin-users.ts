import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { User } from "@tributary/contracts";
import { api } from "../../../api/client";
import { useCursorList } from "../../../ui/use-cursor-list";

export type UserStatusFilter = "" | User["status"];

const usersKey = ["admin", "users"] as const;

export function useAdminUsers(email: string, status: UserStatusFilter) {
  return useCursorList<User>({
    queryKey: [...usersKey, email, status],
    path: "/api/v1/admin/users",
    query: { email: email || undefined, status: status || undefined },
  });
}

export function useSetUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, action }: { user: User; action: "suspend" | "reactivate" }) =>
      api.post<User>(`/api/v1/admin/users/${encodeURIComponent(user.id)}/${action}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
