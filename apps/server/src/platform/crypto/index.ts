export { hashToken, newOpaqueToken, sameHash } from "./opaque-token.js";
export { createSecretBox, type SecretBox } from "./secret-box.js";
