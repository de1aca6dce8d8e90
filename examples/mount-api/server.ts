// Serves the host app on a port: `pnpm start`, then open http://127.0.0.1:3100/srdi/health.
import { serve } from "@hono/node-server"
import { buildHost } from "./host.js"

const { app } = await buildHost()
serve({ fetch: app.fetch, port: Number(process.env["PORT"] ?? 3100), hostname: "127.0.0.1" }, (info) =>
  console.log(`host app on http://127.0.0.1:${info.port}/ — SRDI API at /srdi (try /srdi/health, /srdi/openapi.json)`),
)
