#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step): tsx's loader is registered first.
import { setFlagsFromString } from "node:v8";
import { register } from "tsx/esm/api";

// V8 allocation-site pretenuring: if a warm-up happens to keep a request-path literal's objects
// alive, V8 starts allocating that literal in the old generation, and each dead one then keeps the
// young objects it points to alive through every scavenge. About half the gateway benchmark's runs
// had 1.5-2 MB of a finished request's objects surviving each young GC (5-9 ms pauses); with this
// off, none did. Set before any application code is loaded (decision 0017).
setFlagsFromString("--no-allocation-site-pretenuring");
register();
await import("../src/cli/main.ts");
