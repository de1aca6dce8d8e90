/**
 * Liveness and readiness: `/health` answers 200 when the database answers a query.
 */
import { sql } from "drizzle-orm"
import { Schema } from "effect"
import { rows } from "../db/client.js"
import { route } from "../http/route.js"

/** The health route. */
export const healthRoutes = [
  route({
    method: "get",
    path: "/health",
    tag: "system",
    summary: "Health: 200 with the storage kind when the database answers",
    access: "public",
    response: Schema.Struct({
      status: Schema.Literal("ok"),
      storage: Schema.Literal("pglite", "postgres"),
      time: Schema.String,
    }),
    handler: async ({ c, deps }) => {
      await rows(deps.database.db, sql`select 1`)
      return c.json({ status: "ok", storage: deps.database.kind, time: new Date().toISOString() })
    },
  }),
]
