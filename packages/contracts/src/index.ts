export * from "./errors.js";
export * from "./events.js";
export * from "./health.js";
export * from "./identity.js";
export * from "./pagination.js";
