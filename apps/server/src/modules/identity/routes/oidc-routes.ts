import {
  oidcCallbackQuerySchema,
  oidcProviderParamsSchema,
  oidcProvidersResponseSchema,
  oidcStartQuerySchema,
  type TokenResponse,
  tokenResponseSchema,
} from "@tributary/contracts";
import { z } from "zod";
import type { AnyRoute } from "../../../http/route-builder.js";
import { defineRoute } from "../../../http/route-builder.js";
import type { IdentityContext } from "../identity-context.js";
import { completeOidcLogin } from "../oidc/complete-login.js";
import { oidcProvidersFor } from "../oidc/provider-registry.js";
import { startOidcLogin } from "../oidc/start-login.js";

const tags = ["auth"];
// Each start stores a pending login: a tighter per-address budget than the API's default.
const startRateLimit = { limit: 30, windowMs: 60_000 };

/** OIDC single sign-on: the provider list, the redirect to a provider, and its callback. */
export function oidcRoutes(context: IdentityContext): AnyRoute[] {
  const providers = oidcProvidersFor(context);
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/auth/oidc/providers",
      summary: "Identity providers users may sign in with (no secrets)",
      tags,
      auth: "public",
      response: oidcProvidersResponseSchema,
      handler: async () => ({
        providers: providers.list().map((provider) => ({
          name: provider.name,
          display_name: provider.display_name ?? provider.name,
          start_url: `/api/v1/auth/oidc/${provider.name}/start`,
        })),
      }),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/auth/oidc/:provider/start",
      summary: "Start signing in with an identity provider (302 to the provider)",
      description:
        "Authorization Code flow with PKCE (S256), state and nonce. The pending login is kept server-side for 10 minutes and works once. `redirect_to` (a same-origin path) is where the browser goes after the callback.",
      tags,
      auth: "public",
      rateLimit: startRateLimit,
      params: oidcProviderParamsSchema,
      query: oidcStartQuerySchema,
      status: 302,
      response: z.undefined(),
      handler: async ({ params, query, reply }) => {
        const url = await startOidcLogin(context, params.provider, query.redirect_to ?? null);
        reply.header("location", url.href).header("cache-control", "no-store");
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/auth/oidc/:provider/callback",
      summary: "Where the identity provider returns the browser; signs in and answers our tokens",
      description:
        "Validates the state (single use), redeems the code with the PKCE verifier, validates the ID token (iss, aud, exp, nonce), provisions the user on first sign-in and answers the token response. When the login was started with `redirect_to`, answers 302 to that path with the tokens in the URL fragment instead: `#access_token=…&refresh_token=…&token_type=Bearer&expires_in=…&refresh_expires_in=…` (a fragment never reaches a server or its logs).",
      tags,
      auth: "public",
      params: oidcProviderParamsSchema,
      query: oidcCallbackQuerySchema,
      response: tokenResponseSchema,
      otherResponses: { 302: z.undefined() },
      handler: async ({ params, query, request, reply }) => {
        const queryStart = request.url.indexOf("?");
        const rawQuery = queryStart === -1 ? "" : request.url.slice(queryStart + 1);
        const { tokens, redirectTo } = await completeOidcLogin(
          context,
          params.provider,
          query,
          rawQuery,
          request.ip,
        );
        reply.header("cache-control", "no-store");
        if (!redirectTo) return tokens;
        reply.status(302).header("location", `${redirectTo.split("#")[0]}#${tokenFragment(tokens)}`);
        // The declared 302 answer has no body; the builder sends what the handler returns.
        return undefined as unknown as TokenResponse;
      },
    }),
  ];
}

function tokenFragment(tokens: TokenResponse): string {
  return new URLSearchParams({
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    token_type: tokens.token_type,
    expires_in: String(tokens.expires_in),
    refresh_expires_in: String(tokens.refresh_expires_in),
  }).toString();
}
