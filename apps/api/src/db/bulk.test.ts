import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { asc, eq, sql } from "drizzle-orm"
import { backends, openTestApp, type TestApp } from "../test-support/harness.js"
import { CHUNK, inJson, insertMany } from "./bulk.js"
import { audit, enterprises } from "./schema.js"

describe.each(backends())("bulk writes on $name", (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("inserts more rows than one chunk, keeping nested JSON, nulls, quotes and defaults", async () => {
    const n = CHUNK + 7
    const rows = Array.from({ length: n }, (_, i) => ({
      actor: "bulk-test",
      action: "test",
      entity: "thing",
      entityId: `id-${String(i).padStart(5, "0")}`,
      region: i % 2 === 0 ? "500151" : null,
      before: i === 2 ? "a bare JSON string, with a comma" : null,
      after: { i, name: `“引号” "quote" \\ back 'single'`, list: [1, { deep: true }] },
    }))
    await t.database.db.transaction((tx) => insertMany(tx, audit, rows))
    const stored = await t.database.db
      .select()
      .from(audit)
      .where(eq(audit.actor, "bulk-test"))
      .orderBy(asc(audit.entityId))
    expect(stored).toHaveLength(n)
    expect(stored[1]).toMatchObject({ entityId: "id-00001", region: null, before: null, after: rows[1]!.after })
    expect(stored[n - 1]!.after).toEqual(rows[n - 1]!.after)
    expect(stored[2]!.before).toBe("a bare JSON string, with a comma")
    // Columns left out take their defaults.
    expect(typeof stored[0]!.at).toBe("string")
  })

  it("writes nothing when a chunk fails inside the caller's transaction", async () => {
    const ok = { uscc: "91500151BULK00001X", name: "甲", region: "500151", industry: null, data: {} }
    const dup = { ...ok, name: "乙" }
    await expect(t.database.db.transaction((tx) => insertMany(tx, enterprises, [ok, dup]))).rejects.toThrow()
    expect(await t.database.db.select().from(enterprises).where(eq(enterprises.uscc, ok.uscc))).toEqual([])
  })

  it("matches a column against a JSON list of values", async () => {
    const found = await t.database.db
      .select({ id: audit.entityId })
      .from(audit)
      .where(sql`${inJson(audit.entityId, ["id-00003", "id-00005", "absent"])} and ${audit.actor} = 'bulk-test'`)
      .orderBy(asc(audit.entityId))
    expect(found.map((r) => r.id)).toEqual(["id-00003", "id-00005"])
  })
})
