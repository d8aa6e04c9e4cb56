import { useQueryClient } from "@tanstack/react-query";
import type { TokenResponse, User } from "@tributary/contracts";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type ApiClient, api as defaultApi } from "../api/client";

export interface RegisterInput {
  readonly email: string;
  readonly password: string;
  readonly first_name: string;
  readonly last_name: string;
}

export interface Auth {
  readonly user: User | null;
  readonly signIn: (email: string, password: string) => Promise<User>;
  readonly signUp: (input: RegisterInput) => Promise<User>;
  /** Completes an SSO sign-in from the tokens the server put in the URL fragment. */
  readonly signInWithFragment: (fragment: string) => Promise<User>;
  readonly signOut: () => Promise<void>;
  readonly refreshUser: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children, client = defaultApi }: { children: ReactNode; client?: ApiClient }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<User | null>(() => client.session.get()?.user ?? null);

  useEffect(() => client.session.subscribe((session) => setUser(session?.user ?? null)), [client]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const tokens = await client.post<TokenResponse>(
        "/api/v1/auth/login",
        { email, password },
        { anonymous: true },
      );
      return client.session.setFromTokens(tokens).user;
    },
    [client],
  );

  const signUp = useCallback(
    async (input: RegisterInput) => {
      const tokens = await client.post<TokenResponse>("/api/v1/auth/register", input, { anonymous: true });
      return client.session.setFromTokens(tokens).user;
    },
    [client],
  );

  const signInWithFragment = useCallback(
    async (fragment: string) => {
      const params = new URLSearchParams(fragment.replace(/^#/, ""));
      const accessToken = params.get("access_token");
      const refreshToken = params.get("refresh_token");
      if (!accessToken || !refreshToken) throw new Error("The sign-in response carried no tokens");
      const response = await fetch("/api/v1/users/me", {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      if (!response.ok) throw new Error("The sign-in could not be completed: try again");
      const me = (await response.json()) as User;
      return client.session.setFromTokens({
        access_token: accessToken,
        refresh_token: refreshToken,
        token_type: "Bearer",
        expires_in: Number(params.get("expires_in") ?? 300),
        refresh_expires_in: Number(params.get("refresh_expires_in") ?? 0),
        user: me,
      }).user;
    },
    [client],
  );

  const signOut = useCallback(async () => {
    const session = client.session.get();
    if (session) {
      await client
        .post("/api/v1/auth/logout", { refresh_token: session.refreshToken })
        .catch(() => undefined); // Signing out locally must work even when the server is unreachable.
    }
    client.session.clear();
    queryClient.clear();
  }, [client, queryClient]);

  const refreshUser = useCallback(async () => {
    const me = await client.get<User>("/api/v1/users/me");
    client.session.setUser(me);
  }, [client]);

  const value = useMemo(
    () => ({ user, signIn, signUp, signInWithFragment, signOut, refreshUser }),
    [user, signIn, signUp, signInWithFragment, signOut, refreshUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth needs an AuthProvider");
  return auth;
}
