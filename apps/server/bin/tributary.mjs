#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step): tsx's loader is registered first.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
