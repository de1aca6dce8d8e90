import { Uscc } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { backends, openTestApp, type TestApp } from "../test-support/harness.js"

const TL = Uscc.fromBody("91500151MA5U7AQX3")
const SZ = Uscc.fromBody("91500240MA60BX2K1")

const tongliangFirm = {
  uscc: TL,
  name: "重庆铜梁某精密制造有限公司",
  region: "500151",
  industry: "C3484",
  foundedOn: "2015-03-02",
  financials: [
    { year: 2023, revenue: 8200, rdExpense: 520, employees: 180 },
    { year: 2024, revenue: 9600, rdExpense: 610, employees: 195 },
  ],
}

describe.each(backends())("enterprises on $name", (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("creates, reads with an ETag, lists and edits with If-Match", async () => {
    const created = await t.call("POST", "/enterprises", { as: "tongliang", body: tongliangFirm })
    expect(created.status).toBe(201)
    expect(created.headers.get("etag")).toBe('"1"')

    const got = await t.call("GET", `/enterprises/${TL}`, { as: "admin" })
    expect(got.status).toBe(200)
    const stored = (await got.json()) as {
      enterprise: { financials: Array<{ year: number; revenue: number }> }
      version: number
    }
    expect(stored.enterprise.financials.map((f) => f.revenue)).toEqual([8200, 9600])

    const list = (await (await t.call("GET", "/enterprises?region=500151&sort=-name", { as: "tongliang" })).json()) as {
      items: Array<{ uscc: string }>
      total: number
    }
    expect(list.items.map((i) => i.uscc)).toContain(TL)
    // Empty parameters are left out, not matched against "".
    const blank = (await (await t.call("GET", "/enterprises?region=&industry=&sort=", { as: "tongliang" })).json()) as {
      items: Array<{ uscc: string }>
    }
    expect(blank.items.map((i) => i.uscc)).toContain(TL)

    const noMatch = await t.call("PUT", `/enterprises/${TL}/financials/2022`, {
      as: "tongliang",
      body: { year: 2022, revenue: 7000 },
    })
    expect(noMatch.status).toBe(428)

    const edited = await t.call("PUT", `/enterprises/${TL}/financials/2022`, {
      as: "tongliang",
      body: { year: 2022, revenue: 7000 },
      headers: { "if-match": '"1"' },
    })
    expect(edited.status).toBe(200)
    expect(edited.headers.get("etag")).toBe('"2"')

    const staleEdit = await t.call("PUT", `/enterprises/${TL}`, {
      as: "admin",
      body: { ...tongliangFirm, name: "改名" },
      headers: { "if-match": '"1"' },
    })
    expect(staleEdit.status).toBe(412)
    expect(staleEdit.headers.get("content-type")).toContain("application/problem+json")

    const history = (await (await t.call("GET", `/enterprises/${TL}/history`, { as: "admin" })).json()) as {
      items: Array<{ version: number; change: string; changedBy: string }>
    }
    expect(history.items.map((h) => [h.version, h.change, h.changedBy])).toEqual([
      [2, "financials", "tongliang"],
      [1, "create", "tongliang"],
    ])
  })

  it("rejects an invalid USCC and unknown fields with field paths, writing nothing", async () => {
    const bad = await t.call("POST", "/enterprises", {
      as: "admin",
      body: { ...tongliangFirm, uscc: "91500151MA5U7AQX30", colour: "red" },
    })
    expect(bad.status).toBe(400)
    const problem = (await bad.json()) as { errors: Array<{ at: string; message: { zh: string; en: string } }> }
    expect(problem.errors.map((e) => e.at).sort()).toEqual(["colour", "uscc"])
    expect(problem.errors.find((e) => e.at === "uscc")?.message.zh).toContain("校验码错误")
    const missing = await t.call("GET", "/enterprises/91500151MA5U7AQX30", { as: "admin" })
    expect(missing.status).toBe(400)
  })

  it("keeps each district to its own region", async () => {
    const sz = await t.call("POST", "/enterprises", {
      as: "shizhu",
      body: { uscc: SZ, name: "石柱某中药材加工有限公司", region: "500240" },
    })
    expect(sz.status).toBe(201)
    expect((await t.call("GET", `/enterprises/${SZ}`, { as: "tongliang" })).status).toBe(404)
    const intrude = await t.call("POST", "/enterprises", {
      as: "tongliang",
      body: { uscc: Uscc.fromBody("91500240MA60BX2K2"), name: "越权企业", region: "500240" },
    })
    expect(intrude.status).toBe(403)
    const list = (await (await t.call("GET", "/enterprises", { as: "tongliang" })).json()) as {
      items: Array<{ region: string }>
    }
    expect(list.items.every((i) => i.region === "500151")).toBe(true)
    expect(
      (await t.call("POST", "/enterprises", { as: "viewer", body: { uscc: SZ, name: "x", region: "500240" } })).status,
    ).toBe(403)
  })

  it("deletes with If-Match and keeps the history", async () => {
    const res = await t.call("DELETE", `/enterprises/${SZ}`, { as: "admin", headers: { "if-match": '"1"' } })
    expect(res.status).toBe(204)
    expect((await t.call("GET", `/enterprises/${SZ}`, { as: "admin" })).status).toBe(404)
    const history = (await (await t.call("GET", `/enterprises/${SZ}/history`, { as: "admin" })).json()) as {
      items: Array<{ change: string }>
    }
    expect(history.items.map((h) => h.change)).toEqual(["delete", "create"])
  })
})
