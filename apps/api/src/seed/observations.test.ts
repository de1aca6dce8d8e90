import { readFileSync } from "node:fs"
import { type Enterprise, Synthetic, type Target } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { inject } from "vitest"
import { createApp, type App } from "../app.js"
import { openDatabase, type Database } from "../db/client.js"
import { silentLogger } from "../middleware/logger.js"
import { testConfig } from "../test-support/harness.js"
import { seed } from "./index.js"
import { DEMO_SOURCE, demoObservations } from "./observations.js"

const cite = { source: "test.txt", clause: "一", text: "测试" }
const target = (
  over: Partial<Target.Target> & Pick<Target.Target, "id" | "metric" | "basis" | "region">,
): Target.Target => ({
  label: { zh: over.id, en: over.id },
  comparator: ">=",
  value: 10,
  unit: "家",
  aspirational: false,
  deadline: "2025-12-31",
  cite,
  ...over,
})

describe("demo observations from a population", () => {
  // Three Tongliang firms and one Shizhu firm with known holdings; counts below follow from them by hand.
  const [a, b, c, d] = Synthetic.population({ seed: 7, size: 4, regions: ["500151"] }).map((e) => ({
    ...e,
    titles: [],
    listing: [],
  }))
  const population: Array<Enterprise.Enterprise> = [
    { ...a!, titles: [{ title: "srdi_sme", grantedOn: "2022-05-01" }] },
    {
      ...b!,
      titles: [{ title: "srdi_sme", grantedOn: "2024-05-01" }],
      listing: [{ stage: "bse", reachedOn: "2023-09-01" }],
    },
    { ...c!, titles: [{ title: "srdi_sme", grantedOn: "2021-01-01", revokedOn: "2023-03-01" }] },
    { ...d!, region: "500240", titles: [{ title: "srdi_sme", grantedOn: "2022-05-01" }] },
  ]
  const targets = [
    { pack: "p", target: target({ id: "tl-srdi", metric: "enterprises.srdi_sme", basis: "level", region: "500151" }) },
    {
      pack: "p",
      target: target({
        id: "tl-listings",
        metric: "listings.new",
        basis: "increase",
        region: "500151",
        start: "2022-01-01",
      }),
    },
    {
      pack: "p",
      target: target({ id: "tl-platforms", metric: "platforms.green_factory", basis: "level", region: "500151" }),
    },
    {
      pack: "p",
      target: target({ id: "city-srdi", metric: "enterprises.srdi_sme", basis: "level", region: "500000" }),
    },
  ]
  const rows = demoObservations(targets, population, [2021, 2022, 2023, 2024])
  const series = (id: string) => rows.filter((r) => r.targetId === id).map((r) => [r.on, r.value])

  it("counts title holders of the target's region at each year end (revoked and not-yet-granted titles excluded)", () => {
    expect(series("tl-srdi")).toEqual([
      ["2021-12-31", 1],
      ["2022-12-31", 2],
      ["2023-12-31", 1],
      ["2024-12-31", 2],
    ])
  })

  it("counts new listings since the target's start, and only from its start", () => {
    expect(series("tl-listings")).toEqual([
      ["2022-12-31", 0],
      ["2023-12-31", 1],
      ["2024-12-31", 1],
    ])
  })

  it("leaves alone what the demo cannot count and regions without demo firms (the city), and labels every row as demo", () => {
    expect(series("tl-platforms")).toEqual([])
    expect(series("city-srdi")).toEqual([])
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set([DEMO_SOURCE]))
    expect(DEMO_SOURCE).toMatch(/演示.*demo/)
  })
})

describe("first start with demo data", () => {
  let database: Database
  let built: App
  let token = ""
  const get = async <A>(path: string): Promise<A> => {
    const res = await built.app.request(path, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status, path).toBe(200)
    return (await res.json()) as A
  }
  beforeAll(async () => {
    database = await openDatabase({ kind: "pglite", template: new Blob([readFileSync(inject("pgliteTemplate"))]) })
    await seed(database.db, { packs: true, demo: true, demoSize: 300 }, silentLogger)
    built = createApp({ database, config: testConfig(), logger: silentLogger })
    const login = await built.app.request("/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "tongliang", password: "demo-tongliang" }),
    })
    token = ((await login.json()) as { token: string }).token
  }, 120_000)
  afterAll(async () => {
    await database?.close()
  })

  it("gives the district's tier targets a value equal to the pyramid's count on the same day", async () => {
    const targets = await get<{
      items: Array<{ target: { id: string; metric: string }; progress: { current: number | null; status: string } }>
    }>("/targets?pack=cq-tongliang-2022&asOf=2024-12-31")
    const pyramid = await get<{ items: Array<{ region: string; holding: Record<string, number> }> }>(
      "/titles/pyramid?asOf=2024-12-31",
    )
    const holding = pyramid.items.find((i) => i.region === "500151")!.holding
    for (const tier of ["innovative_sme", "srdi_sme", "little_giant"]) {
      const x = targets.items.find((i) => i.target.metric === `enterprises.${tier}`)!
      expect(x.progress.current, x.target.id).toBe(holding[tier])
      expect(x.progress.status).not.toBe("no_data")
    }
    // Targets the demo cannot count stay without data rather than showing an invented number.
    expect(targets.items.find((i) => i.target.id === "tl-2025-green-factories")!.progress.status).toBe("no_data")
  })

  it("rolls the districts up against the city target, which keeps no demo observation of its own", async () => {
    const r = await get<{
      parent: { current: number | null }
      children: Array<{ target: string; current: number | null }>
      childrenCurrent: number
    }>("/targets/cq-2025-srdi-sme/rollup?asOf=2024-12-31")
    expect(r.parent.current).toBeNull()
    // Tongliang's admin sees its own district's part of the roll-up, not Shizhu's.
    expect(r.children.map((c) => c.target)).toEqual(["tl-2025-srdi-sme"])
    expect(r.children.every((c) => c.current !== null)).toBe(true)
    expect(r.childrenCurrent).toBe(r.children.reduce((s, c) => s + c.current!, 0))
  })
})
