export { maxObjectKeyBytes, validateObjectKey, validateObjectPrefix } from "./object-key.js";
export { openObjectStore } from "./open-object-store.js";
export type {
  GetObjectResult,
  ListObjectsOptions,
  ListObjectsResult,
  ObjectHead,
  ObjectInfo,
  ObjectStore,
  PutObjectOptions,
  PutObjectResult,
} from "./port.js";
