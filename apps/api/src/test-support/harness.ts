/**
 * Test harness: the app over a real database. Every suite runs on embedded PGlite (in memory) and again on
 * PostgreSQL when SRDI_TEST_DATABASE_URL is set; each opened app gets its own PostgreSQL schema, dropped on close.
 * When CI=true and the URL is set, an unreachable server fails the suite instead of skipping it.
 */
import { randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import postgres from "postgres"
import { inject } from "vitest"
import { createApp, type App } from "../app.js"
import { openDatabase, type Database } from "../db/client.js"
import type { AppConfig } from "../http/route.js"
import { silentLogger } from "../middleware/logger.js"
import { BASE_REGIONS, upsertRegions } from "../seed/regions.js"
import { DEMO_USERS, ensureUsers } from "../seed/users.js"

/** A storage backend to run a suite against. */
export interface Backend {
  readonly name: "pglite" | "postgres"
  readonly url?: string
}

/** PGlite always; PostgreSQL too when SRDI_TEST_DATABASE_URL is set. */
export const backends = (): Array<Backend> => {
  const url = process.env.SRDI_TEST_DATABASE_URL
  return url !== undefined && url !== "" ? [{ name: "pglite" }, { name: "postgres", url }] : [{ name: "pglite" }]
}

/** Settings for tests: small limits so limit tests are fast. */
export const testConfig = (over: Partial<AppConfig> = {}): AppConfig => ({
  cookieSecure: false,
  corsOrigins: [],
  bodyLimitBytes: 256 * 1024,
  uploadLimitBytes: 8 * 1024 * 1024,
  loginAttemptsPerMinute: 1000,
  sessionHours: 1,
  ...over,
})

/** An app over a fresh database, with the demo users, and helpers to call it. */
export interface TestApp extends App {
  readonly database: Database
  readonly tokens: Record<string, string>
  readonly call: (
    method: string,
    path: string,
    options?: { as?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<Response>
  readonly close: () => Promise<void>
}

/** Opens a fresh database on a backend, seeds regions and the demo users, and logs each of them in. */
export const openTestApp = async (backend: Backend, config: Partial<AppConfig> = {}): Promise<TestApp> => {
  let database: Database
  let dropSchema = async () => {}
  if (backend.name === "pglite") {
    const template = new Blob([readFileSync(inject("pgliteTemplate"))])
    database = await openDatabase({ kind: "pglite", template })
  } else {
    const schema = `t_${randomBytes(6).toString("hex")}`
    try {
      database = await openDatabase({ kind: "postgres", url: backend.url!, schema, max: 4 })
    } catch (e) {
      throw new Error(
        `SRDI_TEST_DATABASE_URL is set but PostgreSQL is unreachable (${backend.url}): ${(e as Error).message}`,
      )
    }
    dropSchema = async () => {
      const admin = postgres(backend.url!, { max: 1, onnotice: () => {} })
      await admin.unsafe(`drop schema if exists "${schema}" cascade`)
      await admin.end()
    }
  }
  await database.db.transaction((tx) => upsertRegions(tx, BASE_REGIONS))
  await ensureUsers(database.db, DEMO_USERS)
  const built = createApp({ database, config: testConfig(config), logger: silentLogger })
  const tokens: Record<string, string> = {}
  for (const u of DEMO_USERS) {
    const res = await built.app.request("/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: u.username, password: u.password }),
    })
    tokens[u.username] = ((await res.json()) as { token: string }).token
  }
  const call: TestApp["call"] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.as !== undefined) headers.authorization = `Bearer ${tokens[options.as]}`
    let body: string | undefined
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body)
      headers["content-type"] ??= "application/json"
    }
    return Promise.resolve(built.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }))
  }
  return {
    ...built,
    database,
    tokens,
    call,
    close: async () => {
      await database.close()
      await dropSchema()
    },
  }
}

/** Installs every bundled pack (from its build or its YAML sources) into a test database. */
export const installBundled = async (t: TestApp): Promise<void> => {
  const { installPacks, readAllBundled } = await import("../packs/catalog.js")
  await t.database.db.transaction((tx) => installPacks(tx, readAllBundled(), "test"))
}
