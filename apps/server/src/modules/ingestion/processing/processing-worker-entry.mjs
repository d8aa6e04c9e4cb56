// Worker-thread entry: the server runs TypeScript sources directly, so tsx's loader is registered
// here too (a worker does not inherit the main thread's loader) before the worker module loads.
import { register } from "tsx/esm/api";

register();
await import("./processing-worker.ts");
