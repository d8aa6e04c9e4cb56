// Filled in by the identity work in progress.
export {};
