import type { Config } from "../config/index.js";
import type { HealthProbe } from "../http/health-routes.js";
import type { Resources } from "./open-resources.js";

/** A readiness probe for every adapter in use. */
export function healthProbes(config: Config, resources: Resources): HealthProbe[] {
  return [
    { name: "database", adapter: config.sql.kind, probe: async () => void (await resources.sql.ping()) },
    {
      name: "objects",
      adapter: config.objects.kind,
      probe: async () => void (await resources.objects.probe()),
    },
    { name: "cache", adapter: config.cache.kind, probe: async () => void (await resources.cache.ping()) },
    { name: "events", adapter: config.events.kind, probe: async () => void (await resources.events.ping()) },
    { name: "jobs", adapter: config.sql.kind, probe: async () => void (await resources.jobs.ping()) },
  ];
}
