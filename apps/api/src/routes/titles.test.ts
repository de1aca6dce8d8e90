import { Uscc } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { backends, openTestApp, type TestApp } from "../test-support/harness.js"

// Four firms whose holdings are chosen so each rule of counting shows: a firm on two rungs, a little giant that lists
// on STAR in May 2024, a title that expired in 2021, and one Shizhu firm another district must not see.
const climber = {
  uscc: Uscc.fromBody("91500151MA5U7AQX3"),
  name: "铜梁测试·双称号",
  region: "500151",
  titles: [
    { title: "innovative_sme", grantedOn: "2023-01-10" },
    { title: "srdi_sme", level: "municipal", grantedOn: "2024-03-01" },
  ],
}
const giant = {
  uscc: Uscc.fromBody("91500151MA5U7AQX4"),
  name: "铜梁测试·小巨人上市",
  region: "500151",
  titles: [{ title: "little_giant", level: "national", grantedOn: "2022-06-01" }],
  listing: [
    { stage: "neeq_basic", reachedOn: "2023-02-01" },
    { stage: "star", reachedOn: "2024-05-01" },
  ],
}
const lapsed = {
  uscc: Uscc.fromBody("91500151MA5U7AQX5"),
  name: "铜梁测试·称号已过期",
  region: "500151",
  titles: [{ title: "srdi_sme", level: "municipal", grantedOn: "2019-01-01" }],
}
const shizhu = {
  uscc: Uscc.fromBody("91500240MA60BX2K1"),
  name: "石柱测试·创新型",
  region: "500240",
  titles: [{ title: "innovative_sme", grantedOn: "2024-01-01" }],
}

interface Counts {
  innovative_sme: number
  srdi_sme: number
  little_giant: number
  listed: number
}
interface Pyramid {
  asOf: string
  tiers: Array<{ tier: string; zh: string }>
  items: Array<{ region: string; name: string; enterprises: number; holding: Counts; highest: Counts }>
  total: { enterprises: number; holding: Counts; highest: Counts }
}

describe.each(backends())("GET /titles/pyramid on $name", (backend) => {
  let t: TestApp
  const pyramid = async (query: string, as: string): Promise<Pyramid> => {
    const res = await t.call("GET", `/titles/pyramid${query}`, { as })
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as Pyramid
  }
  beforeAll(async () => {
    t = await openTestApp(backend)
    for (const firm of [climber, giant, lapsed]) {
      const res = await t.call("POST", "/enterprises", { as: "tongliang", body: firm })
      expect(res.status, await res.clone().text()).toBe(201)
    }
    expect((await t.call("POST", "/enterprises", { as: "shizhu", body: shizhu })).status).toBe(201)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("counts the holders of each rung and each firm at its highest rung, as of a date", async () => {
    const p = await pyramid("?asOf=2024-06-30&region=500151", "admin")
    expect(p.tiers.map((x) => x.tier)).toEqual(["innovative_sme", "srdi_sme", "little_giant", "listed"])
    expect(p.tiers[1]!.zh).toBe("专精特新中小企业")
    expect(p.items).toHaveLength(1)
    const tl = p.items[0]!
    expect(tl).toMatchObject({ region: "500151", name: "铜梁区", enterprises: 3 })
    expect(tl.holding).toEqual({ innovative_sme: 1, srdi_sme: 1, little_giant: 1, listed: 1 })
    expect(tl.highest).toEqual({ innovative_sme: 0, srdi_sme: 1, little_giant: 0, listed: 1 })
  })

  it("reads listings and grants on the date: before the STAR listing the giant is not listed, before its grant the climber is not SRDI", async () => {
    const p = await pyramid("?asOf=2024-02-01&region=500151", "tongliang")
    expect(p.items[0]!.holding).toEqual({ innovative_sme: 1, srdi_sme: 0, little_giant: 1, listed: 0 })
    const early = await pyramid("?asOf=2020-06-30&region=500151", "tongliang")
    // Only the lapsed firm's 2019 title was valid in mid-2020.
    expect(early.items[0]!.holding).toEqual({ innovative_sme: 0, srdi_sme: 1, little_giant: 0, listed: 0 })
  })

  it("shows a district admin only its own district, and the city all of them", async () => {
    const tl = await pyramid("?asOf=2024-06-30", "tongliang")
    expect(tl.items.map((i) => i.region)).toEqual(["500151"])
    expect(tl.total.enterprises).toBe(3)
    const sz = await pyramid("?asOf=2024-06-30", "shizhu")
    expect(sz.items.map((i) => i.region)).toEqual(["500240"])
    expect(sz.total.holding.innovative_sme).toBe(1)
    const city = await pyramid("?asOf=2024-06-30", "admin")
    expect(city.items.map((i) => i.region)).toEqual(["500151", "500240"])
    expect(city.total.holding).toEqual({ innovative_sme: 2, srdi_sme: 1, little_giant: 1, listed: 1 })
    // Asking for the city as a district admin narrows to what it may see.
    expect((await pyramid("?asOf=2024-06-30&region=500000", "tongliang")).items.map((i) => i.region)).toEqual([
      "500151",
    ])
  })

  it("refuses another district's region, names an unknown region and a bad date, and needs a login", async () => {
    const other = await t.call("GET", "/titles/pyramid?region=500240", { as: "tongliang" })
    expect(other.status).toBe(403)
    const unknown = await t.call("GET", "/titles/pyramid?region=509999", { as: "admin" })
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain("509999")
    const bad = await t.call("GET", "/titles/pyramid?asOf=2024-13-01", { as: "admin" })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain("asOf")
    expect((await t.call("GET", "/titles/pyramid")).status).toBe(401)
  })

  it("defaults the date to today", async () => {
    const p = await pyramid("", "viewer")
    expect(p.asOf).toBe(new Date().toISOString().slice(0, 10))
  })
})
