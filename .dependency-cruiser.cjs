/**
 * Dependency direction (DESIGN §5): runtime/cli (composition root) → http → modules → platform → config.
 * A module reaches another module only through its index.ts. packages/contracts does no I/O.
 */
module.exports = {
  forbidden: [
    {
      name: "platform-is-the-bottom",
      comment: "platform/ (ports and adapters) must not depend on http, modules or the composition root",
      severity: "error",
      from: { path: "^apps/server/src/platform/" },
      to: { path: "^apps/server/src/(http|modules|runtime|cli)/" },
    },
    {
      name: "modules-below-http",
      comment:
        "modules must not depend on http or the composition root; routes live in the http layer or module routes/",
      severity: "error",
      from: {
        path: "^apps/server/src/modules/",
        // Routes use the route builder; tests and their helpers may start whole instances.
        pathNot: [
          "^apps/server/src/modules/[^/]+/routes/",
          "\\.test\\.ts$",
          "^apps/server/src/modules/[^/]+/testing/",
        ],
      },
      to: { path: "^apps/server/src/(http|runtime|cli)/" },
    },
    {
      name: "module-routes-use-the-route-builder-only",
      comment: "a module's routes may use the route builder and context, not the composition root",
      severity: "error",
      from: { path: "^apps/server/src/modules/[^/]+/routes/" },
      to: { path: "^apps/server/src/(runtime|cli)/" },
    },
    {
      name: "http-below-runtime",
      severity: "error",
      from: { path: "^apps/server/src/http/" },
      to: { path: "^apps/server/src/(runtime|cli)/" },
    },
    {
      name: "modules-only-through-index",
      comment:
        "another module is reached only through its index.ts (its use cases) or its events; tests may use its testing/ helpers",
      severity: "error",
      from: { path: "^apps/server/src/modules/([^/]+)/" },
      to: {
        path: "^apps/server/src/modules/([^/]+)/",
        pathNot: [
          "^apps/server/src/modules/$1/",
          "^apps/server/src/modules/[^/]+/index\\.ts$",
          "^apps/server/src/modules/[^/]+/testing/",
        ],
      },
    },
    {
      name: "contracts-do-no-io",
      comment: "packages/contracts holds schemas and types only",
      severity: "error",
      from: { path: "^packages/contracts/" },
      to: {
        dependencyTypes: ["core"],
        path: "^(fs|net|http|https|child_process|worker_threads|dgram|dns|tls)$",
      },
    },
    {
      name: "contracts-stand-alone",
      severity: "error",
      from: { path: "^packages/contracts/" },
      to: { path: "^apps/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^(apps|packages)/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|\\.tributary)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
