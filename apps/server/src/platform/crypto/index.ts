export { hashToken, newOpaqueToken, sameHash } from "./opaque-token.js";
export { pooledUuidV7 } from "./pooled-uuidv7.js";
export { createSecretBox, type SecretBox } from "./secret-box.js";
