import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";

/** Starts a process (Node, socat) and waits until `readyUrl` answers 200 (to a GET with `readyHeaders`). */
export async function startProcess(
  command: string,
  args: string[],
  options: {
    env: NodeJS.ProcessEnv;
    readyUrl: string;
    readyHeaders?: Record<string, string>;
    timeoutMs?: number;
  },
): Promise<{ child: ChildProcess; readyAfterMs: number }> {
  const started = performance.now();
  const child = spawn(command, args, { env: options.env, stdio: ["ignore", "ignore", "inherit"] });
  const deadline = started + (options.timeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    try {
      const response = await fetch(options.readyUrl, { headers: options.readyHeaders ?? {} });
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

/** CPU time (user + system, all threads) a process has used so far, from /proc (Linux, 100 Hz ticks). */
export async function cpuTimeMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return ticks * 10;
}
