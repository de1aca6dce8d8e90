/**
 * The Node entry: configuration from the environment, storage (PGlite in SRDI_DATA_DIR, or PostgreSQL at
 * DATABASE_URL), first-start seeding, the HTTP server, and a graceful shutdown that stops accepting connections and
 * lets in-flight requests finish before closing the database.
 */
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { createApp } from "./app.js"
import { fromEnv } from "./config.js"
import { openDatabase } from "./db/client.js"
import { jsonLogger } from "./middleware/logger.js"
import { DEMO_USERS } from "./seed/users.js"
import { demoCount, seed } from "./seed/index.js"

const config = fromEnv()
const logger = jsonLogger()
const adminDist = config.app.adminDist ?? fileURLToPath(new URL("../../admin/dist", import.meta.url))

const database = await openDatabase(
  config.databaseUrl !== undefined
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "pglite", dataDir: config.dataDir },
)
const seeded = await seed(
  database.db,
  { packs: config.seedPacks, demo: config.seedDemo, demoSize: config.demoSize, adminPassword: config.adminPassword },
  logger,
)
const { app } = createApp({
  database,
  config: { ...config.app, ...(existsSync(adminDist) ? { adminDist } : {}) },
  logger,
})

let inFlight = 0
const server = serve({
  fetch: async (req, env) => {
    inFlight++
    try {
      return await app.fetch(req, env)
    } finally {
      inFlight--
    }
  },
  port: config.port,
  hostname: config.host,
})

server.on("listening", async () => {
  const url = `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${config.port}`
  const demo = seeded.demo || (await demoCount(database.db)) > 0
  const lines = [
    "",
    `  SRDI API listening on ${url}`,
    `  storage: ${database.kind === "pglite" ? `PGlite at ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
    `  reference: ${url}/docs   OpenAPI: ${url}/openapi.json   health: ${url}/health`,
    ...(existsSync(adminDist) ? [`  admin app: ${url}/`] : []),
  ]
  if (demo)
    lines.push(
      "",
      "  DEMO DATA — synthetic enterprises (names start with 演示·) and demo logins with fixed, documented passwords.",
      "  演示数据 — 合成企业与固定演示口令，仅供试用；生产部署请用 SRDI_DEMO=false 首次启动。",
      ...DEMO_USERS.map(
        (u) =>
          `    ${u.username.padEnd(11)} ${u.password.padEnd(15)} ${u.role}${u.region !== null ? ` ${u.region}` : ""}${u.unit !== null ? ` ${u.unit}` : ""}`,
      ),
      "",
      `  try: curl -s ${url}/auth/login -H 'content-type: application/json' -d '{"username":"admin","password":"demo-admin"}'`,
    )
  for (const u of seeded.logins.filter(() => !seeded.demo))
    lines.push("", `  created ${u.username} with password ${u.password} (shown once; change it)`)
  process.stdout.write(lines.join("\n") + "\n\n")
})

let stopping = false
const shutdown = (signal: string) => {
  if (stopping) return
  stopping = true
  logger.info("shutdown", { signal, inFlight })
  const force = setTimeout(() => {
    logger.warn("shutdown.forced", { inFlight })
    process.exit(1)
  }, config.shutdownGraceMs)
  force.unref()
  // close() stops accepting and resolves once every open request has finished.
  server.close(async () => {
    await database.close()
    logger.info("shutdown.done", {})
    logger.flush()
    process.exit(0)
  })
  if ("closeIdleConnections" in server)
    (server as unknown as { closeIdleConnections: () => void }).closeIdleConnections()
}
process.on("SIGTERM", () => shutdown("SIGTERM"))
process.on("SIGINT", () => shutdown("SIGINT"))
