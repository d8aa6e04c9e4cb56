import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const webDist = fileURLToPath(new URL("../../../web/dist/", import.meta.url));
const placeholder = new URL("../../../web/placeholder.html", import.meta.url);
/** Paths that belong to the API and tooling: an unknown one is a 404 envelope, never the SPA page. */
const apiPrefixes = ["/api/", "/v1/", "/health", "/docs", "/openapi", "/metrics", "/.well-known/"];

export interface WebApp {
  /** Answers a GET the router did not match with the SPA's page (client-side routes), or declines. */
  readonly serveFallback: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
}

/**
 * Serves the built web app (apps/web/dist) at `/`: hashed assets cached for a year, the page itself
 * never cached, and every client-side route answered with the page so reloads and shared links work.
 * Without a build (the server run on its own) `/` shows a page that says how to build it.
 */
export async function registerWebApp(app: FastifyInstance, distDir = webDist): Promise<WebApp> {
  const indexPath = `${distDir}index.html`;
  const built = existsSync(indexPath);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      index: false,
      wildcard: false,
      setHeaders: (reply, path) => {
        reply.header(
          "cache-control",
          path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  const page = async () => (built ? readFile(indexPath) : readFile(placeholder));
  const sendPage = async (reply: FastifyReply) =>
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(await page());
  app.get("/", { schema: { hide: true } }, async (_request, reply) => sendPage(reply));
  return {
    serveFallback: async (request, reply) => {
      if (request.method !== "GET" && request.method !== "HEAD") return false;
      const path = request.url.split("?")[0] ?? "/";
      if (apiPrefixes.some((prefix) => path.startsWith(prefix))) return false;
      if (path.startsWith("/assets/")) return false;
      if (!(request.headers.accept ?? "").includes("text/html")) return false;
      await sendPage(reply);
      return true;
    },
  };
}
