export {
  type AccessChange,
  type AccessChangeListener,
  type AccessChanges,
  createAccessChanges,
} from "./access-changes.js";
export type { AuthHooks, Credentials, Principal, SpaceContext } from "./types.js";
