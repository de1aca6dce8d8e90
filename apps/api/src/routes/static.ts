/**
 * Serves the admin app's build at `/` when it exists (single-page app: unknown non-API paths get index.html).
 */
import { existsSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { serveStatic } from "@hono/node-server/serve-static"
import type { Hono } from "hono"

/** Mounts the admin build folder, if present. */
export const serveAdmin = (app: Hono, dist: string): void => {
  const index = join(dist, "index.html")
  if (!existsSync(index)) return
  const root = relative(process.cwd(), dist) || "."
  app.use("/*", serveStatic({ root }))
  const html = readFileSync(index, "utf8")
  app.get("/*", (c, next) =>
    c.req.header("accept")?.includes("text/html") === true ? Promise.resolve(c.html(html)) : next(),
  )
}
