/**
 * Opens the database: embedded PGlite (a directory, or memory) by default, PostgreSQL when a URL is given.
 * Both run the same Drizzle migrations and the same queries; migrations apply on open.
 */
import { existsSync, mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { PGlite } from "@electric-sql/pglite"
import { type SQL } from "drizzle-orm"
import { drizzle as drizzlePglite } from "drizzle-orm/pglite"
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator"
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js"
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator"
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core"
import postgres from "postgres"
import * as schema from "./schema.js"

/** A Drizzle database over either driver. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

/** A transaction or the database itself: queries accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db

/** An open database and how to close it. */
export interface Database {
  readonly db: Db
  readonly kind: "pglite" | "postgres"
  readonly close: () => Promise<void>
}

/** Where to store data. */
export type DatabaseOptions =
  | { readonly kind: "pglite"; readonly dataDir?: string; readonly template?: Blob }
  | { readonly kind: "postgres"; readonly url: string; readonly schema?: string; readonly max?: number }

// Beside this module in src/db, or beside the bundle in dist.
const MIGRATIONS = [new URL("./migrations", import.meta.url), new URL("./db/migrations", import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((p) => existsSync(p)) as string

/** Opens (and creates) the database and applies pending migrations. */
export const openDatabase = async (options: DatabaseOptions): Promise<Database> => {
  if (options.kind === "pglite") {
    if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true })
    // A template (a dumped, migrated data dir) skips initdb, which takes seconds in WebAssembly.
    const client = new PGlite({
      ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
      ...(options.template !== undefined ? { loadDataDir: options.template } : {}),
    })
    await client.waitReady
    const db = drizzlePglite(client, { schema }) as unknown as Db
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS })
    return Object.assign({ db, kind: "pglite" as const, close: () => client.close() }, { client })
  }
  const searchPath = options.schema
  if (searchPath !== undefined) {
    const admin = postgres(options.url, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create schema if not exists "${searchPath}"`)
    await admin.end()
  }
  const client = postgres(options.url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(searchPath !== undefined ? { connection: { search_path: searchPath } } : {}),
  })
  const db = drizzlePostgres(client, { schema }) as unknown as Db
  await migratePostgres(db as never, {
    migrationsFolder: MIGRATIONS,
    ...(searchPath !== undefined ? { migrationsSchema: searchPath } : {}),
  })
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) }
}

/** Runs raw SQL and returns its rows, whichever driver answers. */
export const rows = async <T = Record<string, unknown>>(db: Tx, query: SQL): Promise<Array<T>> => {
  const result = (await db.execute(query)) as unknown
  if (Array.isArray(result)) return result as Array<T>
  return ((result as { rows?: Array<T> }).rows ?? []) as Array<T>
}
