import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useAuth } from "../../auth/auth-context";

/**
 * Verifies the address with a link's token as the page opens. A query rather than a mutation in
 * an effect: keyed by the token, it runs once even when React mounts the page twice (StrictMode)
 * or the window regains focus, and a token works only once.
 */
export function useVerifyEmail(token: string) {
  const { refreshUser } = useAuth();
  // The signed-in user's copy says whether the address is verified: refresh it either way.
  const refreshIfSignedIn = () => (api.session.get() ? refreshUser().catch(() => undefined) : undefined);
  return useQuery({
    queryKey: ["verify-email", token],
    queryFn: async () => {
      try {
        await api.post("/api/v1/auth/verify-email", { token }, { anonymous: true });
      } finally {
        await refreshIfSignedIn();
      }
      return "verified" as const;
    },
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
