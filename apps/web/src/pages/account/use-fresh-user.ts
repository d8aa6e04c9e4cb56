import { useQuery } from "@tanstack/react-query";
import { useAuth } from "../../auth/auth-context";

export const meQueryKey = ["users", "me"] as const;

/**
 * Re-reads the signed-in user when the profile opens: the session's copy dates from sign-in, and
 * the address may have been verified since (in another tab, from the emailed link). The page shows
 * `useAuth().user`, which this refresh updates.
 */
export function useFreshUser() {
  const { refreshUser } = useAuth();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => {
      await refreshUser();
      return true;
    },
    staleTime: 0,
  });
}
