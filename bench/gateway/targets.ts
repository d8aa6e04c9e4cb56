import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startProcess, stopProcess } from "../lib/processes.js";
import { createGatewayApiKey, registerBenchAccount } from "../lib/tributary-api.js";
import { startTributaryProcess, type TributaryProcess } from "../lib/tributary-process.js";
import type { StageReading } from "./tail-attribution.js";

export type TargetName = "direct" | "socat-relay" | "tcp-relay" | "bare-proxy" | "tributary" | "portkey";

/** The targets that only measure what this machine charges for a hop: nothing but a relay or a bare proxy. */
export const floorTargets = [
  "socat-relay",
  "tcp-relay",
  "bare-proxy",
] as const satisfies readonly TargetName[];

/** Where a chat completion is sent and with which headers, for one way of reaching the upstream. */
export interface Target {
  readonly name: TargetName;
  readonly url: string;
  readonly headers: Record<string, string>;
  /** The process whose CPU time is the target's (null: spread over forked processes, not measured). */
  readonly pid: number | null;
  /** Garbage-collection pauses of the target's main thread, where the target reports them. */
  readonly gc?: GcPauseProbe;
  /** Where the target reports each call's stages (BENCH_GATEWAY_STAGES=1): the header to tag calls with. */
  readonly tagHeader?: string;
}

/** Main-thread stalls over 3 ms by cause: [count, total ms] each (gc-probe.mjs, BENCH_GATEWAY_STALLS=1). */
export interface StallCauses {
  readonly gc: [number, number];
  readonly running: [number, number];
  readonly waiting: [number, number];
  readonly other: [number, number];
}

/** What the probe saw since the previous `take()`; the first call only starts the count. */
export interface ProbeReading {
  /** GC pauses (ms) of the main thread. */
  readonly minor: number[];
  readonly major: number[];
  /** Null unless BENCH_GATEWAY_STALLS=1. */
  readonly stalls: StallCauses | null;
  /** Null unless BENCH_GATEWAY_STAGES=1. */
  readonly stages: StageReading | null;
}

export interface GcPauseProbe {
  take(): Promise<ProbeReading>;
}

export interface Targets {
  readonly list: readonly Target[];
  close(): Promise<void>;
}

const fakeEntry = fileURLToPath(new URL("./fake-upstream.ts", import.meta.url));
const portkeyShim = fileURLToPath(new URL("./portkey-fetch-shim.mjs", import.meta.url));
const gcProbe = fileURLToPath(new URL("./gc-probe.mjs", import.meta.url));
const bareProxyEntry = fileURLToPath(new URL("./bare-proxy.mjs", import.meta.url));
const tcpRelayEntry = fileURLToPath(new URL("./tcp-relay.mjs", import.meta.url));
const upstreamKey = "sk-bench-upstream";
const json = { "content-type": "application/json" };

/** The OpenAI chat request every target gets, as a JSON body. */
export function chatBody(stream: boolean): string {
  return JSON.stringify({
    model: "fake-gpt",
    messages: [
      { role: "system", content: "You are a terse assistant." },
      { role: "user", content: "Reply with a short greeting for the gateway benchmark, please." },
    ],
    max_tokens: 32,
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });
}

/** Portkey's Node server: the package's `bin`, started the way `npx @portkey-ai/gateway` does. */
function portkeyServerScript(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@portkey-ai/gateway/package.json");
  return path.join(path.dirname(manifest), "build", "start-server.js");
}

/** Whether socat (a native TCP relay, Debian's `socat` package) is on this machine's PATH. */
function socatInstalled(): boolean {
  return spawnSync("socat", ["-V"], { stdio: "ignore" }).status === 0;
}

/**
 * Starts, each in its own process: the fake upstream; the relays that measure what one more hop
 * costs on this machine whatever runs in it (socat, a native TCP relay, where it is installed, and
 * tcp-relay.mjs, Node piping bytes); a bare Node proxy in front of it (bare-proxy.mjs,
 * the floor any Node gateway starts from on this machine); Tributary (`tributary start`) declaring it as
 * an OpenAI-compatible provider, with a user and a `gateway:invoke` key that has rpm/tpm limits and
 * hard daily and monthly budgets (usage metering is always on); and Portkey's gateway, told per
 * request to use the `openai` provider at the fake's URL (`x-portkey-custom-host`).
 */
export async function startTargets(options: {
  ports: {
    fake: number;
    socatRelay: number;
    tcpRelay: number;
    bareProxy: number;
    tributary: number;
    portkey: number;
  };
  tributaryNodeArgs?: readonly string[];
}): Promise<Targets> {
  const started: ChildProcess[] = [];
  let tributary: TributaryProcess | undefined;
  const gcDir = await mkdtemp(path.join(tmpdir(), "tributary-bench-gc-"));
  const gcFile = path.join(gcDir, "pauses.json");
  const close = async () => {
    await tributary?.stop();
    await Promise.all(started.map((child) => stopProcess(child)));
    await rm(gcDir, { recursive: true, force: true });
  };
  try {
    const fakeOrigin = `http://127.0.0.1:${options.ports.fake}`;
    const fake = await startProcess(process.execPath, ["--import", "tsx", fakeEntry], {
      env: { ...process.env, PORT: String(options.ports.fake) },
      readyUrl: `${fakeOrigin}/v1/models`,
      readyHeaders: { authorization: `Bearer ${upstreamKey}` },
    });
    started.push(fake.child);

    // The relays are ready when the upstream answers through them.
    const throughRelay = (port: number) => ({
      readyUrl: `http://127.0.0.1:${port}/v1/models`,
      readyHeaders: { authorization: `Bearer ${upstreamKey}` },
    });
    const socatRelay = socatInstalled()
      ? await startProcess(
          "socat",
          [
            // A client closing mid-answer (autocannon at the end of a run) is not worth a line.
            "-lf",
            "/dev/null",
            `TCP-LISTEN:${options.ports.socatRelay},bind=127.0.0.1,fork,reuseaddr,nodelay`,
            `TCP:127.0.0.1:${options.ports.fake},nodelay`,
          ],
          { env: { ...process.env }, ...throughRelay(options.ports.socatRelay) },
        )
      : null;
    if (socatRelay) started.push(socatRelay.child);
    const tcpRelay = await startProcess(process.execPath, [tcpRelayEntry], {
      env: { ...process.env, PORT: String(options.ports.tcpRelay), RELAY_UPSTREAM: fakeOrigin },
      ...throughRelay(options.ports.tcpRelay),
    });
    started.push(tcpRelay.child);

    const bareProxyOrigin = `http://127.0.0.1:${options.ports.bareProxy}`;
    const bareProxy = await startProcess(process.execPath, [bareProxyEntry], {
      env: { ...process.env, PORT: String(options.ports.bareProxy), BARE_PROXY_UPSTREAM: fakeOrigin },
      readyUrl: `${bareProxyOrigin}/`,
    });
    started.push(bareProxy.child);

    const providers = [
      {
        name: "bench-upstream",
        type: "openai_compatible",
        base_url: `${fakeOrigin}/v1`,
        api_key: upstreamKey,
        models: [{ name: "fake-gpt", prices: { input: 1, output: 2 } }],
      },
    ];
    tributary = await startTributaryProcess({
      port: options.ports.tributary,
      env: { TRIBUTARY_PROVIDERS: JSON.stringify(providers), BENCH_GC_STATS_FILE: gcFile },
      nodeArgs: ["--import", gcProbe, ...(options.tributaryNodeArgs ?? [])],
    });
    const tributaryChild = tributary.child;
    const account = await registerBenchAccount(tributary.origin, "gateway");
    const key = await createGatewayApiKey(account, {
      allowed_models: ["fake-gpt"],
      rpm: 10_000_000,
      tpm: 10_000_000_000,
      budget_daily_usd: 1_000,
      budget_monthly_usd: 10_000,
      budget_mode: "hard",
    });

    const portkeyOrigin = `http://127.0.0.1:${options.ports.portkey}`;
    const portkey = await startProcess(
      process.execPath,
      ["--import", portkeyShim, portkeyServerScript(), `--port=${options.ports.portkey}`, "--headless"],
      { env: { ...process.env }, readyUrl: `${portkeyOrigin}/` },
    );
    started.push(portkey.child);

    const list: Target[] = [
      {
        name: "direct",
        url: `${fakeOrigin}/v1/chat/completions`,
        headers: { ...json, authorization: `Bearer ${upstreamKey}` },
        pid: fake.child.pid ?? 0,
      },
      ...(socatRelay
        ? [
            {
              name: "socat-relay" as const,
              url: `http://127.0.0.1:${options.ports.socatRelay}/v1/chat/completions`,
              headers: { ...json, authorization: `Bearer ${upstreamKey}` },
              // socat forks a process per connection, which its own CPU time does not count.
              pid: null,
            },
          ]
        : []),
      {
        name: "tcp-relay",
        url: `http://127.0.0.1:${options.ports.tcpRelay}/v1/chat/completions`,
        headers: { ...json, authorization: `Bearer ${upstreamKey}` },
        pid: tcpRelay.child.pid ?? 0,
      },
      {
        name: "bare-proxy",
        url: `${bareProxyOrigin}/v1/chat/completions`,
        headers: { ...json, authorization: `Bearer ${upstreamKey}` },
        pid: bareProxy.child.pid ?? 0,
      },
      {
        name: "tributary",
        url: `${tributary.origin}/v1/chat/completions`,
        headers: { ...json, authorization: `Bearer ${key}` },
        pid: tributary.child.pid ?? 0,
        gc: { take: () => takeGcPauses(tributaryChild, gcFile) },
        ...(process.env.BENCH_GATEWAY_STAGES === "1" ? { tagHeader: "x-bench-tag" } : {}),
      },
      {
        name: "portkey",
        url: `${portkeyOrigin}/v1/chat/completions`,
        headers: {
          ...json,
          authorization: `Bearer ${upstreamKey}`,
          "x-portkey-provider": "openai",
          "x-portkey-custom-host": `${fakeOrigin}/v1`,
        },
        pid: portkey.child.pid ?? 0,
      },
    ];
    return { list, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Asks the process (gc-probe.mjs) for its pauses since the last ask and waits for the file. */
async function takeGcPauses(child: ChildProcess, file: string): Promise<ProbeReading> {
  await rm(file, { force: true });
  child.kill("SIGUSR2");
  for (let waited = 0; waited < 5_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const text = await readFile(file, "utf8").catch(() => null);
    if (text) return JSON.parse(text) as ProbeReading;
  }
  throw new Error("the Tributary process did not report its GC pauses (bench/gateway/gc-probe.mjs)");
}
