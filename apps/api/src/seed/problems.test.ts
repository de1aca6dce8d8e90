import { readFileSync } from "node:fs"
import { Problem, Synthetic } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { inject } from "vitest"
import { createApp, type App } from "../app.js"
import { openDatabase, type Database } from "../db/client.js"
import { silentLogger } from "../middleware/logger.js"
import { testConfig } from "../test-support/harness.js"
import { seed } from "./index.js"
import { current, DEMO_PREFIX, demoProblems, PER_DISTRICT } from "./problems.js"

describe("demo problems from a population", () => {
  const population = Synthetic.population({ seed: 11, size: 60, regions: ["500151", "500240"] })
  const units = new Map([
    ["500151", ["tl-a", "tl-b"]],
    ["500240", ["sz-a"]],
  ])
  const today = "2026-03-15"
  let n = 0
  const list = demoProblems(population, units, today, { id: () => `p${++n}` })
  const now = list.map(current)

  it("gives each district a handful of problems of its own firms, assigned to its own units", () => {
    for (const region of ["500151", "500240"]) {
      const mine = list.filter((p) => p.region === region)
      expect(mine).toHaveLength(PER_DISTRICT)
      const firms = new Set<string>(population.filter((e) => e.region === region).map((e) => e.uscc))
      for (const p of mine.map(current)) {
        expect(firms.has(p.uscc), p.uscc).toBe(true)
        expect(units.get(region)).toContain(p.unit)
      }
      expect(new Set(mine.map((p) => current(p).uscc)).size).toBe(mine.length)
    }
  })

  it("labels every problem as demo and keeps to the schema", () => {
    for (const p of now) {
      expect(p.description.startsWith(DEMO_PREFIX)).toBe(true)
      expect(Problem.Problem.make(p)).toEqual(p)
      expect(p.dueOn >= p.raisedOn).toBe(true)
      expect(p.raisedOn <= today).toBe(true)
    }
  })

  it("reaches every status through allowed moves dated after raising and not after today, with some overdue", () => {
    for (const { history } of list)
      history.slice(1).forEach((after, i) => {
        const before = history[i]!
        expect(Problem.TRANSITIONS[before.status]).toContain(after.status)
        if (after.resolvedOn !== undefined)
          expect(after.resolvedOn <= today && after.resolvedOn >= after.raisedOn).toBe(true)
      })
    expect(new Set(now.map((p) => p.status))).toEqual(new Set(Problem.Status.literals))
    const overdue = Problem.overdue(now, today)
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.length).toBeLessThan(now.filter((p) => p.status === "open" || p.status === "in_progress").length)
  })

  it("is the same for the same inputs, and skips districts without units", () => {
    let m = 0
    expect(demoProblems(population, units, today, { id: () => `p${++m}` })).toEqual(list)
    expect(demoProblems(population, new Map([["500151", ["tl-a"]]]), today).every((p) => p.region === "500151")).toBe(
      true,
    )
  })
})

describe("first start with demo data: the problem ledger", () => {
  let database: Database
  let built: App
  const tokens: Record<string, string> = {}
  const get = async <A>(user: string, path: string): Promise<A> => {
    const res = await built.app.request(path, { headers: { authorization: `Bearer ${tokens[user]}` } })
    expect(res.status, path).toBe(200)
    return (await res.json()) as A
  }
  beforeAll(async () => {
    database = await openDatabase({ kind: "pglite", template: new Blob([readFileSync(inject("pgliteTemplate"))]) })
    await seed(database.db, { packs: true, demo: true, demoSize: 200 }, silentLogger)
    built = createApp({ database, config: testConfig(), logger: silentLogger })
    for (const [username, password] of [
      ["admin", "demo-admin"],
      ["tongliang", "demo-tongliang"],
    ]) {
      const login = await built.app.request("/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password }),
      })
      tokens[username!] = ((await login.json()) as { token: string }).token
    }
  }, 120_000)
  afterAll(async () => {
    await database?.close()
  })

  type Stored = { problem: Problem.Problem; region: string; version: number }

  it("lists the demo problems per district, each on a real unit of the district and a demo enterprise", async () => {
    const all = await get<{ items: Array<Stored>; total: number }>("admin", "/problems?limit=500")
    expect(all.total).toBe(2 * PER_DISTRICT)
    const units = await get<{ items: Array<{ id: string; region: string }> }>("admin", "/units")
    for (const region of ["500151", "500240"])
      expect(all.items.filter((s) => s.region === region)).toHaveLength(PER_DISTRICT)
    for (const s of all.items) {
      expect(s.problem.description.startsWith(DEMO_PREFIX)).toBe(true)
      expect(units.items.find((u) => u.id === s.problem.unit)?.region, s.problem.unit).toBe(s.region)
      const firm = await get<{ enterprise: { name: string; region: string }; demo: boolean }>(
        "admin",
        `/enterprises/${s.problem.uscc}`,
      )
      expect(firm.demo).toBe(true)
      expect(firm.enterprise.region).toBe(s.region)
    }
    const district = await get<{ total: number }>("tongliang", "/problems")
    expect(district.total).toBe(PER_DISTRICT)
  })

  it("records the moves in the audit log and shows open and overdue items in the summary", async () => {
    const log = await get<{ items: Array<{ action: string; entity: string; actor: string }> }>(
      "admin",
      "/audit?entity=problem&limit=500",
    )
    expect(log.items.filter((e) => e.action === "create")).toHaveLength(2 * PER_DISTRICT)
    expect(log.items.some((e) => e.action === "status:resolved")).toBe(true)
    expect(new Set(log.items.map((e) => e.actor))).toEqual(new Set(["seed"]))
    const today = new Date().toISOString().slice(0, 10)
    const s = await get<Problem.Summary & { overdueItems: Array<unknown> }>("admin", `/problems-summary?asOf=${today}`)
    expect(s.total).toBe(2 * PER_DISTRICT)
    expect(s.overdue).toBeGreaterThan(0)
    expect(s.overdueItems).toHaveLength(s.overdue)
  })
})
