export { lazyRequire } from "./lazy-require.js";
