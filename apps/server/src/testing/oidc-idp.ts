import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import Provider from "oidc-provider";

/** A person at the test identity provider: `sub` plus the claims it releases. */
export interface TestIdpAccount {
  readonly sub: string;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly roles?: readonly string[];
  readonly groups?: readonly string[];
  readonly realm_access?: { readonly roles: readonly string[] };
}

export interface MintOptions {
  readonly sub: string;
  readonly audience: string | readonly string[];
  /** Negative for a token that has already expired. Default 300. */
  readonly expiresInSeconds?: number;
  /** Seconds from now before which the token is not valid. */
  readonly notBeforeSeconds?: number;
  readonly claims?: JWTPayload;
}

/** A certified OpenID provider (oidc-provider) running in-process on 127.0.0.1, for tests. */
export interface TestIdp {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  addAccount(account: TestIdpAccount): void;
  /**
   * Plays the browser from the provider's authorization URL to the redirect back to the client:
   * signs in as `sub` and consents to everything asked. Returns the client's callback URL
   * (with `code`, `state` and `iss`), or its error redirect.
   */
  authorize(authorizationUrl: string | URL, sub: string): Promise<URL>;
  /** An access token (JWT) for `audience`, signed with the provider's own published key. */
  mintAccessToken(options: MintOptions): Promise<string>;
  close(): Promise<void>;
}

const claimsByScope = {
  openid: ["sub"],
  email: ["email", "email_verified"],
  profile: ["given_name", "family_name", "name"],
  roles: ["roles", "groups", "realm_access"],
};
const maxRedirects = 10;

export async function startTestIdp(options: {
  readonly redirectUris: readonly string[];
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Who signs in when a real browser reaches the login page (it sends no `?as=`). */
  readonly browserAccountId?: string;
}): Promise<TestIdp> {
  const clientId = options.clientId ?? "tributary-test";
  const clientSecret = options.clientSecret ?? randomBytes(24).toString("base64url");
  const accounts = new Map<string, TestIdpAccount>();
  const kid = `test-${randomBytes(6).toString("hex")}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: claimsByScope,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 300,
      Interaction: 600,
      Session: 3600,
    },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ ...account }) };
    },
  });
  const handle = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/interaction/")) {
      finishInteraction(provider, req, res, options.browserAccountId ?? "").catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    handle(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount(account) {
      accounts.set(account.sub, account);
    },
    authorize: (url, sub) => playBrowser(new URL(url), sub, issuer),
    async mintAccessToken({ sub, audience, expiresInSeconds = 300, notBeforeSeconds, claims = {} }) {
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({ ...claims, client_id: clientId })
        .setProtectedHeader({ alg: "RS256", kid, typ: "at+jwt" })
        .setIssuer(issuer)
        .setSubject(sub)
        .setAudience(typeof audience === "string" ? audience : [...audience])
        .setIssuedAt(now)
        .setExpirationTime(now + expiresInSeconds)
        .setJti(randomBytes(8).toString("hex"));
      if (notBeforeSeconds !== undefined) jwt.setNotBefore(now + notBeforeSeconds);
      return jwt.sign(privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The provider's login and consent pages, answered at once: signs in as the account named in
 * `?as=` and grants whatever scopes and claims are still missing.
 */
async function finishInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  browserAccountId: string,
) {
  const interaction = await provider.interactionDetails(req, res);
  const { name, details } = interaction.prompt;
  if (name === "login") {
    const accountId = new URL(req.url ?? "/", "http://idp").searchParams.get("as") ?? browserAccountId;
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const accountId = interaction.session?.accountId ?? "";
  const clientId = String(interaction.params.client_id);
  const grant =
    (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
    new provider.Grant({ accountId, clientId });
  const missingScopes = details.missingOIDCScope;
  if (Array.isArray(missingScopes)) grant.addOIDCScope(missingScopes.join(" "));
  const missingClaims = details.missingOIDCClaims;
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.map(String));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** Follows redirects with a cookie jar, like a browser, until one leaves the provider. */
async function playBrowser(start: URL, sub: string, issuer: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < maxRedirects; hop++) {
    if (url.origin !== new URL(issuer).origin) return url;
    if (url.pathname.startsWith("/interaction/")) url.searchParams.set("as", sub);
    const response = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const separator = pair.indexOf("=");
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`identity provider answered ${response.status}: ${await response.text()}`);
    await response.body?.cancel();
    url = new URL(location, url);
  }
  throw new Error("too many redirects at the identity provider");
}
