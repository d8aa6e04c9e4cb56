import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { ChatWrapper, Llama, LlamaContext, LlamaContextSequence, LlamaModel } from "node-llama-cpp";
import type { Logger } from "../../../../platform/telemetry/logger.js";
import type { LocalRuntimeSettings, Provider } from "../../catalog/types.js";
import { UpstreamFailure } from "../upstream-failure.js";
import { loadNodeLlamaCpp, type NodeLlamaCpp, type NodeLlamaCppImporter } from "./load-node-llama-cpp.js";
import { SequenceSlots } from "./sequence-slots.js";

/** A GGUF model loaded once, with one context whose sequences its generations share. */
export interface LoadedModel {
  readonly binding: NodeLlamaCpp;
  readonly path: string;
  readonly model: LlamaModel;
  readonly context: LlamaContext;
  /** The model's own chat template (or the best built-in match), resolved once. */
  readonly chatWrapper: ChatWrapper;
  /** Tokens each sequence can hold: prompt and completion together. */
  readonly contextSize: number;
  readonly slots: SequenceSlots;
}

/** One generation's hold on a loaded model: a sequence of its own until released. */
export interface ModelLease {
  readonly sequence: LlamaContextSequence;
  release(): void;
}

export interface LocalModelPoolOptions {
  readonly logger?: Logger;
  readonly importer?: NodeLlamaCppImporter;
}

/** Used when a local provider declares no `context_size`. */
const defaultContextSize = 4096;
const defaultSettings: LocalRuntimeSettings = { contextSize: null, gpu: false, threads: null, sequences: 1 };

/**
 * Loads each model on its first call and keeps it: concurrent first calls share one load, a
 * failed load is forgotten so the next call tries again. node-llama-cpp never compiles or
 * downloads here (`build: "never"`): it uses the prebuilt binaries from the npm registry.
 */
export class LocalModelPool {
  private readonly runtimes = new Map<string, Promise<Llama>>();
  private readonly models = new Map<string, Promise<LoadedModel>>();
  private closed = false;

  constructor(private readonly options: LocalModelPoolOptions = {}) {}

  /** The model loaded (or loading) for this provider and file; waits only as long as the call. */
  async load(provider: Provider, modelPath: string, signal?: AbortSignal): Promise<LoadedModel> {
    if (this.closed) throw new UpstreamFailure("server_error", `${provider.name} is shutting down`);
    const settings = provider.local ?? defaultSettings;
    const path = resolve(modelPath);
    const key = [path, settings.gpu, settings.contextSize, settings.threads, settings.sequences].join(
      "\u0000",
    );
    let loading = this.models.get(key);
    if (!loading) {
      loading = this.loadModel(provider, path, settings);
      this.models.set(key, loading);
      loading.catch(() => {
        if (this.models.get(key) === loading) this.models.delete(key);
      });
    }
    return untilAborted(loading, signal);
  }

  /** Waits for a free sequence of the model (bounded by `timeoutMs`) and takes it. */
  async lease(loaded: LoadedModel, signal: AbortSignal | undefined, timeoutMs: number): Promise<ModelLease> {
    const releaseSlot = await loaded.slots.acquire(signal, timeoutMs, basename(loaded.path));
    try {
      const sequence = loaded.context.getSequence();
      return {
        sequence,
        release: () => {
          if (!sequence.disposed) sequence.dispose();
          releaseSlot();
        },
      };
    } catch (error) {
      releaseSlot();
      throw new UpstreamFailure("server_error", `No sequence of ${basename(loaded.path)}: ${message(error)}`);
    }
  }

  /** Disposes every model and runtime; calls still waiting for a sequence fail. */
  async close(): Promise<void> {
    this.closed = true;
    const models = [...this.models.values()];
    const runtimes = [...this.runtimes.values()];
    this.models.clear();
    this.runtimes.clear();
    const shuttingDown = new UpstreamFailure("server_error", "The local provider is shutting down");
    for (const loading of models) {
      const loaded = await loading.catch(() => null);
      if (!loaded) continue;
      loaded.slots.refuseAll(shuttingDown);
      await loaded.context.dispose().catch(() => {});
      await loaded.model.dispose().catch(() => {});
    }
    for (const runtime of runtimes) {
      const llama = await runtime.catch(() => null);
      await llama?.dispose().catch(() => {});
    }
  }

  private async loadModel(provider: Provider, path: string, settings: LocalRuntimeSettings) {
    const binding = await loadNodeLlamaCpp(provider.name, this.options.importer);
    const exists = await stat(path).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!exists) {
      throw new UpstreamFailure("server_error", `${provider.name}: the model file ${path} does not exist`);
    }
    const llama = await this.runtime(binding, settings.gpu, provider.name);
    const startedAt = performance.now();
    try {
      const model = await llama.loadModel({ modelPath: path });
      const contextSize = settings.contextSize ?? Math.min(defaultContextSize, model.trainContextSize);
      const context = await model.createContext({
        contextSize,
        sequences: settings.sequences,
        ...(settings.threads !== null ? { threads: settings.threads } : {}),
      });
      const loaded: LoadedModel = {
        binding,
        path,
        model,
        context,
        chatWrapper: binding.resolveChatWrapper(model),
        contextSize: context.contextSize,
        slots: new SequenceSlots(settings.sequences),
      };
      this.options.logger?.info(
        {
          provider: provider.name,
          model: basename(path),
          context_size: loaded.contextSize,
          sequences: settings.sequences,
          gpu: llama.gpu,
          load_ms: Math.round(performance.now() - startedAt),
        },
        "local model loaded",
      );
      return loaded;
    } catch (error) {
      throw new UpstreamFailure("server_error", `${provider.name} could not load ${path}: ${message(error)}`);
    }
  }

  /** One llama.cpp runtime per GPU setting, shared by the models that use it. */
  private runtime(binding: NodeLlamaCpp, gpu: LocalRuntimeSettings["gpu"], providerName: string) {
    const key = String(gpu);
    let runtime = this.runtimes.get(key);
    if (!runtime) {
      const logger = this.options.logger;
      runtime = binding
        .getLlama({
          gpu,
          build: "never",
          progressLogs: false,
          logLevel: binding.LlamaLogLevel.warn,
          logger: (level, text) => {
            const line = text.trim();
            if (!line) return;
            const severe = level === binding.LlamaLogLevel.fatal || level === binding.LlamaLogLevel.error;
            if (severe) logger?.error({ llama: line }, "llama.cpp");
            else logger?.warn({ llama: line }, "llama.cpp");
          },
        })
        .catch((error: unknown) => {
          this.runtimes.delete(key);
          throw new UpstreamFailure(
            "server_error",
            `${providerName}: node-llama-cpp has no prebuilt binary for gpu ${key} here (${message(error)})`,
          );
        });
      this.runtimes.set(key, runtime);
    }
    return runtime;
  }
}

/** The shared promise, abandoned (not cancelled: others may wait on it) when this call goes away. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolvePromise(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
