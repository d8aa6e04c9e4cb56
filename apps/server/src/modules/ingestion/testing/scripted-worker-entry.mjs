// Worker-thread entry of `scriptedProcessingPool` (tests only): registers tsx like the real entry,
// then loads the scripted worker.
import { register } from "tsx/esm/api";

register();
await import("./scripted-worker.ts");
