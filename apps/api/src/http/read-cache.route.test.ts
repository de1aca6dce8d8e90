import { Uscc } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { backends, openTestApp, type TestApp } from "../test-support/harness.js"

const TL = Uscc.fromBody("91500151MA5RC0001")

describe.each(backends())("read cache on $name", (backend) => {
  let t: TestApp
  beforeAll(async () => {
    // On by default only for PGlite; forced on here so both stores check the invalidation.
    t = await openTestApp(backend, { readCache: true })
  })
  afterAll(async () => {
    await t?.close()
  })

  const names = async (as: string, headers: Record<string, string> = {}) => {
    const res = await t.call("GET", "/enterprises?region=500151", { as, headers })
    return {
      cache: res.headers.get("x-cache"),
      names: ((await res.json()) as { items: Array<{ name: string }> }).items.map((i) => i.name),
    }
  }

  it("answers a repeated read from memory, and never serves an answer older than a write", async () => {
    expect((await names("tongliang")).cache).toBe("miss")
    expect(await names("tongliang")).toEqual({ cache: "hit", names: [] })

    // Another user's write is seen by the next read.
    const created = await t.call("POST", "/enterprises", {
      as: "admin",
      body: { uscc: TL, name: "重庆铜梁缓存测试有限公司", region: "500151" },
    })
    expect(created.status).toBe(201)
    expect(await names("tongliang")).toEqual({ cache: "miss", names: ["重庆铜梁缓存测试有限公司"] })

    // So is an edit, with its new ETag.
    const got = await t.call("GET", `/enterprises/${TL}`, { as: "tongliang" })
    expect(got.headers.get("etag")).toBe('"1"')
    expect((await t.call("GET", `/enterprises/${TL}`, { as: "tongliang" })).headers.get("x-cache")).toBe("hit")
    const edited = await t.call("PUT", `/enterprises/${TL}`, {
      as: "admin",
      body: { uscc: TL, name: "重庆铜梁缓存测试（改名）有限公司", region: "500151" },
      headers: { "if-match": '"1"' },
    })
    expect(edited.status).toBe(200)
    const after = await t.call("GET", `/enterprises/${TL}`, { as: "tongliang" })
    expect(after.headers.get("etag")).toBe('"2"')
    expect(((await after.json()) as { enterprise: { name: string } }).enterprise.name).toBe(
      "重庆铜梁缓存测试（改名）有限公司",
    )
  })

  it("keeps answers per user, so scoping holds, and skips the cache on request", async () => {
    await names("admin")
    // Shizhu's admin shares no answer with the municipal admin: it sees nothing of Tongliang.
    expect(await t.call("GET", `/enterprises/${TL}`, { as: "shizhu" }).then((r) => r.status)).toBe(404)
    expect((await names("admin", { "cache-control": "no-cache" })).cache).toBe("miss")
  })

  it("does not keep errors", async () => {
    expect((await t.call("GET", "/enterprises?sort=nope", { as: "admin" })).status).toBe(400)
    const again = await t.call("GET", "/enterprises?sort=nope", { as: "admin" })
    expect(again.status).toBe(400)
    expect(again.headers.get("x-cache")).toBeNull()
  })
})
