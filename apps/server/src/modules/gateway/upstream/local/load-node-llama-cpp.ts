import { UpstreamFailure } from "../upstream-failure.js";

/** The `node-llama-cpp` module; a type only, so the server starts without the package. */
export type NodeLlamaCpp = typeof import("node-llama-cpp");

export type NodeLlamaCppImporter = () => Promise<NodeLlamaCpp>;

/** The package is an optional dependency: imported on the first local call, never at start. */
export const importNodeLlamaCpp: NodeLlamaCppImporter = () => import("node-llama-cpp");

/**
 * Imports node-llama-cpp, or throws an UpstreamFailure that names the package and the fix (a
 * `server_error`, so a fallback provider can still take the call).
 */
export async function loadNodeLlamaCpp(
  providerName: string,
  importer: NodeLlamaCppImporter = importNodeLlamaCpp,
): Promise<NodeLlamaCpp> {
  try {
    return await importer();
  } catch (error) {
    const missing = isModuleNotFound(error);
    throw new UpstreamFailure(
      "server_error",
      missing
        ? `The local provider ${providerName} needs the optional package node-llama-cpp, which is not ` +
            "installed: run `npm install node-llama-cpp` in apps/server (it ships prebuilt binaries)"
        : `The local provider ${providerName} could not load node-llama-cpp: ${(error as Error)?.message}`,
    );
  }
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
}
