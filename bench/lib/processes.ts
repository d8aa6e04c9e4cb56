import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";

/** Starts a Node process and waits until `readyUrl` answers 200. */
export async function startProcess(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; readyUrl: string; timeoutMs?: number },
): Promise<{ child: ChildProcess; readyAfterMs: number }> {
  const started = performance.now();
  const child = spawn(command, args, { env: options.env, stdio: ["ignore", "ignore", "inherit"] });
  const deadline = started + (options.timeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    try {
      const response = await fetch(options.readyUrl);
      if (response.status === 200) return { child, readyAfterMs: Math.round(performance.now() - started) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`${options.readyUrl} was not ready in time`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
