// Example 4: the reference API inside another Hono app. The API is a private app, not a published library, so a fork
// (or a host app in the same repo) imports its modules directly: createApp builds the Hono app without listening,
// and Hono's app.route mounts it under a prefix next to the host's own routes.
import { createApp } from "@srdi/api/src/app.ts"
import { openDatabase, type Database } from "@srdi/api/src/db/client.ts"
import { silentLogger } from "@srdi/api/src/middleware/logger.ts"
import { BASE_REGIONS, upsertRegions } from "@srdi/api/src/seed/regions.ts"
import { DEMO_USERS, ensureUsers } from "@srdi/api/src/seed/users.ts"
import { Hono } from "hono"

export interface Host {
  readonly app: Hono
  readonly database: Database
}

/** The host app: its own pages at the root, the SRDI API under /srdi, over an in-memory PGlite with demo logins. */
export const buildHost = async (): Promise<Host> => {
  const database = await openDatabase({ kind: "pglite" }) // in memory; { kind: "postgres", url } in production
  await database.db.transaction((tx) => upsertRegions(tx, BASE_REGIONS))
  await ensureUsers(database.db, DEMO_USERS) // demo logins with documented passwords: never in production
  const srdi = createApp({
    database,
    logger: silentLogger,
    config: {
      cookieSecure: false,
      corsOrigins: [],
      bodyLimitBytes: 1024 * 1024,
      uploadLimitBytes: 16 * 1024 * 1024,
      loginAttemptsPerMinute: 10,
      sessionHours: 8,
    },
  })
  const app = new Hono()
  app.get("/", (c) => c.text("区政务服务平台（示例宿主应用）: the SRDI API is mounted at /srdi"))
  app.route("/srdi", srdi.app)
  return { app, database }
}
