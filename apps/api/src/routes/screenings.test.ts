import { Schema } from "effect"
import { Enterprise } from "@srdi/core"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { readBundled } from "../packs/catalog.js"
import { backends, installBundled, openTestApp, type TestApp } from "../test-support/harness.js"

const miit = readBundled("cn-miit-tiers")!
// The pack's own test cases for the SRDI SME rule: the API must reach the verdicts the pack's authors expect.
const cases = miit.tests.filter((t) => t.rule === "srdi-sme-63" && t.expect.verdict !== undefined)

describe.each(backends())("screenings on $name", (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await installBundled(t)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("has installed the bundled packs with their hashes", async () => {
    const res = (await (await t.call("GET", "/packs", { as: "viewer" })).json()) as {
      items: Array<{ id: string; hash: string }>
    }
    expect(res.items.map((p) => p.id)).toContain("cn-miit-tiers")
    expect(res.items.every((p) => p.hash.startsWith("sha256:"))).toBe(true)
  })

  it.each(cases.map((c) => [c.name, c] as const))(
    "screens one enterprise as its pack test expects: %s",
    async (_name, c) => {
      // Cases reuse USCCs with different records: store this case's record (create, or replace at its version).
      const body = Schema.encodeSync(Enterprise.Enterprise)(c.enterprise)
      const existing = await t.call("GET", `/enterprises/${c.enterprise.uscc}`, { as: "admin" })
      const stored =
        existing.status === 404
          ? await t.call("POST", "/enterprises", { as: "admin", body })
          : await t.call("PUT", `/enterprises/${c.enterprise.uscc}`, {
              as: "admin",
              body,
              headers: { "if-match": existing.headers.get("etag")! },
            })
      expect(stored.status).toBeLessThan(300)
      const res = await t.call("POST", "/screenings", {
        as: "admin",
        body: { pack: "cn-miit-tiers", rule: c.rule, asOf: c.asOf, uscc: c.enterprise.uscc },
      })
      expect(res.status).toBe(201)
      const result = (await res.json()) as {
        screening: { packHash: string; count: number }
        decision: {
          verdict: string
          inputDigest: string
          createdBy: string
          evaluation: { reasons: { zh: Array<string> }; trace: Array<{ cite: { clause: string } }> }
        }
      }
      expect(result.decision.verdict).toBe(c.expect.verdict)
      expect(result.screening.count).toBe(1)
      expect(result.decision.inputDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(result.decision.createdBy).toBe("admin")
      expect(result.decision.evaluation.reasons.zh.length).toBeGreaterThan(0)
      expect(result.decision.evaluation.trace.every((n) => n.cite.clause.length > 0)).toBe(true)
    },
  )

  it("screens the population in a district's scope only, and lists near misses", async () => {
    const res = await t.call("POST", "/screenings", {
      as: "tongliang",
      body: { pack: "cn-miit-tiers", rule: "srdi-sme-63", asOf: "2025-06-30" },
    })
    expect(res.status).toBe(201)
    const { screening } = (await res.json()) as { screening: { id: number; count: number } }
    const inTongliang = cases.filter((c) => c.enterprise.region === "500151").map((c) => c.enterprise.uscc)
    expect(screening.count).toBe(new Set(inTongliang).size)
    const decisions = (await (
      await t.call("GET", `/screenings/${screening.id}/decisions`, { as: "tongliang" })
    ).json()) as {
      items: Array<{ region: string }>
    }
    expect(decisions.items.every((d) => d.region === "500151")).toBe(true)
    // A population decision's trace is re-derived from the pack hash and input digest, reaching the same verdict.
    const listed = decisions.items as unknown as Array<{ id: number; verdict: string }>
    const full = (await (await t.call("GET", `/decisions/${listed[0]!.id}`, { as: "tongliang" })).json()) as {
      evaluation: { verdict: string; trace: Array<unknown> }
      recomputed: boolean
    }
    expect(full.recomputed).toBe(true)
    expect(full.evaluation.verdict).toBe(listed[0]!.verdict)
    expect(full.evaluation.trace.length).toBeGreaterThan(0)
    expect((await t.call("GET", `/screenings/${screening.id}`, { as: "shizhu" })).status).toBe(404)
    const near = await t.call("GET", "/near-misses?pack=cn-miit-tiers&rule=srdi-sme-63", { as: "tongliang" })
    expect(near.status).toBe(200)
  })

  it("digests the record evaluated: the same record gives the same digest, an edit a new one", async () => {
    const c = cases[0]!
    const screen = async () =>
      (
        (await (
          await t.call("POST", "/screenings", {
            as: "admin",
            body: { pack: "cn-miit-tiers", rule: c.rule, asOf: c.asOf, uscc: c.enterprise.uscc },
          })
        ).json()) as {
          decision: { inputDigest: string }
        }
      ).decision.inputDigest
    const first = await screen()
    expect(await screen()).toBe(first)
    const got = await t.call("GET", `/enterprises/${c.enterprise.uscc}`, { as: "admin" })
    await t.call("PUT", `/enterprises/${c.enterprise.uscc}/financials/2019`, {
      as: "admin",
      body: { year: 2019, revenue: 1 },
      headers: { "if-match": got.headers.get("etag")! },
    })
    expect(await screen()).not.toBe(first)
  })

  it("rejects a rule not in force on the date, naming asOf", async () => {
    const res = await t.call("POST", "/screenings", {
      as: "admin",
      body: { pack: "cn-miit-tiers", rule: "srdi-sme-2026", asOf: "2025-06-30" },
    })
    expect(res.status).toBe(400)
    const problem = (await res.json()) as { errors: Array<{ at: string }> }
    expect(problem.errors[0]?.at).toBe("asOf")
  })

  it("serves the clause browser with original text and a diff between packs", async () => {
    const clauses = (await (
      await t.call("GET", "/packs/cq-tongliang-2022/clauses?kind=tasks", { as: "viewer" })
    ).json()) as {
      items: Array<{ source: string; text: string }>
    }
    expect(clauses.items.length).toBeGreaterThan(0)
    expect(clauses.items.every((i) => i.source === "000_d71d90c544c9bbc9.txt" && i.text.length > 0)).toBe(true)
    const diff = await t.call("GET", "/packs/cq-tongliang-2022/diff?against=cq-shizhu-2022", { as: "viewer" })
    expect(diff.status).toBe(200)
  })
})
