export {
  type AccessChange,
  type AccessChangeListener,
  type AccessChangeRelay,
  type AccessChanges,
  createAccessChanges,
  openAccessChanges,
} from "./access-changes.js";
export type { AuthHooks, Credentials, Principal, SpaceContext } from "./types.js";
