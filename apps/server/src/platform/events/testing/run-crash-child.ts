import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CrashChildSpec } from "./crash-child.js";

const childScript = fileURLToPath(new URL("./crash-child.ts", import.meta.url));
const serverRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * Runs the crash child until it reports its commit, then kills it with SIGKILL and resolves with the
 * committed event id once the process is gone (a PGlite data dir may be opened by one process at a time).
 */
export function commitThenKill(spec: CrashChildSpec, timeoutMs: number): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", childScript, JSON.stringify(spec)], {
    cwd: serverRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let eventId: string | undefined;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`crash child did not commit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /committed (\S+)/.exec(output);
      if (match?.[1] && eventId === undefined) {
        eventId = match[1];
        child.kill("SIGKILL");
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (eventId !== undefined && signal === "SIGKILL") resolve(eventId);
      else reject(new Error(`crash child exited (${code ?? signal}) before committing:\n${output}`));
    });
  });
}
