import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import type * as oidc from "openid-client";
import type { OidcProviderConfig } from "../../../config/index.js";
import { AppError } from "../../../platform/errors/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import { openIdClient } from "./openid-client.js";

/**
 * The configured OpenID providers, each with its discovered metadata and key set. Discovery is
 * lazy (the server starts while a provider is down) and cached; a failed discovery is retried
 * on the next use rather than cached.
 */
export class OidcProviders {
  private readonly byName = new Map<string, OidcProviderConfig>();
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(
    providers: readonly OidcProviderConfig[],
    /** Our public base URL: the callback URLs registered at the providers hang off it. */
    private readonly publicBaseUrl: string,
    private readonly logger: Logger,
  ) {
    for (const provider of providers) this.byName.set(provider.name, provider);
  }

  list(): OidcProviderConfig[] {
    return [...this.byName.values()];
  }

  /** The provider called `name`; 404 when none is configured under it. */
  get(name: string): OidcProviderConfig {
    const provider = this.byName.get(name);
    if (!provider) throw new AppError("NOT_FOUND", `No identity provider is configured as "${name}"`);
    return provider;
  }

  /** The provider whose issuer is exactly `issuer` (the `iss` of a token), if any. */
  byIssuer(issuer: string): OidcProviderConfig | undefined {
    return this.list().find((provider) => provider.issuer === issuer);
  }

  callbackUrl(provider: OidcProviderConfig): string {
    return `${this.publicBaseUrl.replace(/\/+$/, "")}/api/v1/auth/oidc/${provider.name}/callback`;
  }

  /** The relying-party configuration (discovered metadata plus our client credentials). */
  configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    const cached = this.discovered.get(provider.name);
    if (cached) return cached;
    const pending = this.discover(provider);
    this.discovered.set(provider.name, pending);
    pending.catch(() => this.discovered.delete(provider.name));
    return pending;
  }

  /** The provider's signing keys (jose fetches, caches and refreshes them on an unknown kid). */
  async keySet(provider: OidcProviderConfig): Promise<JWTVerifyGetKey> {
    const cached = this.keySets.get(provider.name);
    if (cached) return cached;
    const jwksUri = (await this.configuration(provider)).serverMetadata().jwks_uri;
    if (!jwksUri) throw new Error(`identity provider ${provider.name} publishes no jwks_uri`);
    const keySet = createRemoteJWKSet(new URL(jwksUri));
    this.keySets.set(provider.name, keySet);
    return keySet;
  }

  private async discover(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    // The operator configured a plain-http issuer on purpose (a provider on a private network).
    const insecure = new URL(provider.issuer).protocol === "http:";
    if (insecure) this.logger.warn({ provider: provider.name }, "OIDC provider is reached over plain http");
    const client = await openIdClient();
    try {
      return await client.discovery(
        new URL(provider.issuer),
        provider.client_id,
        provider.client_secret,
        // client_secret_basic is the method every provider must accept (RFC 6749 §2.3.1).
        provider.client_secret ? client.ClientSecretBasic(provider.client_secret) : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    } catch (error) {
      this.logger.warn({ provider: provider.name, err: error }, "OIDC provider discovery failed");
      throw new AppError(
        "SERVICE_UNAVAILABLE",
        `The identity provider "${provider.name}" cannot be reached`,
        {
          cause: error,
        },
      );
    }
  }
}
