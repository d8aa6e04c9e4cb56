export { createIdentityModule, type IdentityModule, type IdentityModuleOptions } from "./identity-module.js";
