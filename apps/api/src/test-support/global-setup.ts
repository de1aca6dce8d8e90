/**
 * Builds a migrated PGlite data directory once and dumps it, so each test file loads it in a few hundred
 * milliseconds instead of running initdb. Cached by the migrations' content.
 */
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { TestProject } from "vitest/node"
import { openDatabase } from "../db/client.js"

const root = fileURLToPath(new URL("../..", import.meta.url))

export default async function setup(project: TestProject): Promise<void> {
  const migrations = join(root, "src/db/migrations")
  const hash = createHash("sha256")
  for (const f of readdirSync(migrations)
    .filter((f) => f.endsWith(".sql"))
    .sort())
    hash.update(readFileSync(join(migrations, f)))
  const dir = join(root, "node_modules/.cache/srdi-api")
  const file = join(dir, `pglite-${hash.digest("hex").slice(0, 16)}.tar`)
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    const database = await openDatabase({ kind: "pglite" })
    const client = (database as unknown as { client?: { dumpDataDir: (c: "none") => Promise<Blob> } }).client
    if (client === undefined) throw new Error("openDatabase did not expose the PGlite client")
    const dump = await client.dumpDataDir("none")
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
    await database.close()
  }
  project.provide("pgliteTemplate", file)
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string
  }
}
