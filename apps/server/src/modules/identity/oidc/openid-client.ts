/** openid-client, loaded on first use: an installation without SSO never carries it. */
let module: Promise<typeof import("openid-client")> | undefined;

export function openIdClient(): Promise<typeof import("openid-client")> {
  module ??= import("openid-client");
  return module;
}
