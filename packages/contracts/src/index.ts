export * from "./errors.js";
export * from "./events.js";
export * from "./health.js";
export * from "./identity.js";
export * from "./identity-admin.js";
export * from "./identity-api-keys.js";
export * from "./identity-spaces.js";
export * from "./pagination.js";
