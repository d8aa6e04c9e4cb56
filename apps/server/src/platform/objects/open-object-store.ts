import { mkdir } from "node:fs/promises";
import type { ObjectsConfig } from "../../config/index.js";
import { assertNever } from "../errors/index.js";
import { createFilesystemObjectStore } from "./filesystem-store.js";
import type { ObjectStore } from "./port.js";

/** Chooses the object store from configuration: a local directory or an S3 API bucket. */
export async function openObjectStore(config: ObjectsConfig): Promise<ObjectStore> {
  switch (config.kind) {
    case "filesystem":
      await mkdir(config.root, { recursive: true });
      return createFilesystemObjectStore(config.root);
    case "s3": {
      // Server adapters load on demand, so the embedded default does not carry their weight.
      const { openS3ObjectStore } = await import("./s3-store.js");
      return openS3ObjectStore(config);
    }
    default:
      return assertNever(config);
  }
}
