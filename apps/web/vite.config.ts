import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server serves dist/ at `/` (apps/server/src/http/web-app.ts); `npm run dev` proxies the API to it.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 400 },
  server: {
    proxy: Object.fromEntries(
      ["/api", "/v1", "/health", "/docs", "/openapi.json"].map((path) => [path, "http://127.0.0.1:8080"]),
    ),
  },
});
