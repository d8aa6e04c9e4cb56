export type { AuthHooks, Credentials, Principal, SpaceContext } from "./types.js";
