import { Award, Rule, type Pack } from "@srdi/core"
import { packFixture } from "@srdi/pack-kit/testing"
import { beforeAll, describe, expect, it } from "vitest"

const { citations, haveSources, load, sourceText, sourcesDir } = packFixture(import.meta.url)

const SEED = "003_2e9c9c1acd6c6705.txt"

let pack: Pack.Pack

beforeAll(async () => {
  pack = await load()
})

describe("cq-hardtech-2023 (渝经信科技〔2023〕21号)", () => {
  it("keeps the document's metadata", () => {
    expect(pack.meta).toMatchObject({
      id: "cq-hardtech-2023",
      issuer: "重庆市经济和信息化委员会",
      docNumber: "渝经信科技〔2023〕21号",
      issuedOn: "2023-11-24",
      publishedOn: "2023-11-28",
      period: { from: "2023-01-01", to: "2027-12-31" },
      region: "500000",
      status: "final",
      source: { file: SEED },
    })
  })

  it("has every numbered task of 二 and every safeguard of 三", () => {
    const numbers = (kind: string) => pack.tasks.filter((t) => t.kind === kind).map((t) => t.cite.clause)
    expect(numbers("task")).toEqual(["二（一）", "二（二）", "二（三）", "二（四）", "二（五）", "二（六）"])
    expect(numbers("safeguard")).toEqual(["三（一）", "三（二）", "三（三）"])
  })

  it("resolves every unit reference", () => {
    const ids = new Set(pack.units.map((u) => u.id))
    const refs = [
      ...pack.tasks.flatMap((t) => [...t.lead, ...t.cooperating].map((u) => `${t.id}:${u}`)),
      ...pack.awards.flatMap((a) => (a.payer === undefined ? [] : [`${a.id}:${a.payer}`])),
    ]
    expect(refs.filter((r) => !ids.has(r.split(":")[1] ?? ""))).toEqual([])
    expect(pack.tasks.find((t) => t.id === "safeguard-1")).toMatchObject({
      lead: ["cq-jxw-kjc", "cq-jxw-hycs"],
      cooperating: ["cq-jxw-zxqyc", "cq-jxw-cyjrc", "cq-qx-cyzgbm"],
      recurrence: "quarterly",
    })
  })

  it("marks clauses without units and records them as gaps", () => {
    const unassigned = pack.tasks.filter((t) => !t.unitsGiven).map((t) => t.id)
    expect(unassigned).toEqual(["task-1", "task-2", "task-3", "task-4", "task-5", "task-6", "safeguard-3"])
    expect(pack.tasks.filter((t) => !t.unitsGiven).every((t) => t.lead.length === 0)).toBe(true)
    expect(pack.gaps.map((g) => [g.id, g.kind])).toEqual([
      ["tasks-no-units", "no_units"],
      ["safeguard-3-no-units", "no_units"],
      ["goal-heading-unnumbered", "garbled"],
      ["revenue-doubling-baseline", "ambiguous"],
      ["listing-award-amount", "unspecified_amount"],
    ])
  })

  it("cites sentences found verbatim in the seed", (ctx) => {
    if (!haveSources) ctx.skip(`source folder ${sourcesDir} is absent; verbatim check skipped`)
    const text = sourceText(SEED)
    const all = citations(pack)
    expect(all.length).toBeGreaterThan(25)
    expect(all.filter(({ cite }) => cite.source !== SEED).map(({ at }) => at)).toEqual([])
    expect(all.filter(({ cite }) => !text.includes(cite.text)).map(({ at, cite }) => `${at}: ${cite.text}`)).toEqual([])
  })

  it("encodes the targets of 一: ≥ 50 firms a year and per-firm revenue doubling", () => {
    expect(pack.targets.map((t) => [t.id, t.metric, t.basis, t.comparator, t.value, t.aspirational])).toEqual([
      ["cq-2027-hardtech-support-annual", "pool.entries", "annual", ">=", 50, false],
      ["cq-hardtech-firm-revenue-doubling", "firm.revenue_multiple", "level", ">=", 2, false],
    ])
  })

  it("encodes the support pool and its six entry criteria of 二（一）", () => {
    expect(pack.pools).toHaveLength(1)
    expect(pack.pools[0]).toMatchObject({
      id: "hardtech-support",
      entryRule: "hardtech-pool-entry",
      quota: { perYear: 50, comparator: ">=" },
    })
    const rule = pack.rules.find((r) => r.id === "hardtech-pool-entry")
    expect(rule?.decides).toBe("hardtech-support")
    const root = rule?.root
    if (root?.kind !== "all") throw new Error("root must be an all-node")
    const byClause = Object.fromEntries(root.of.map((n) => [n.cite.clause + ":" + n.id, n]))
    expect(Object.keys(byClause)).toEqual([
      "二（一）:focus-srdi",
      "二（一）:focus-unlisted",
      "二（一）1:c1-revenue",
      "二（一）2:c2-hard-technology",
      "二（一）3:c3-platform",
      "二（一）4:c4-rd-intensity",
      "二（一）5:c5-class-i-ip",
      "二（一）6:c6-chain-results",
    ])
    expect(byClause["二（一）1:c1-revenue"]).toMatchObject({ op: "<=", soft: true, threshold: [{ value: 10000 }] })
    expect(byClause["二（一）4:c4-rd-intensity"]).toMatchObject({ op: ">=", threshold: [{ value: 5 }] })
    expect(byClause["二（一）5:c5-class-i-ip"]).toMatchObject({
      indicator: { id: "ipClassIMainProduct" },
      op: ">=",
      threshold: [{ value: 1 }],
    })
    expect(byClause["二（一）3:c3-platform"]).toMatchObject({
      titles: ["municipal_tech_center", "tech_innovation_demo"],
      minLevel: "municipal",
    })
    expect(root.of.filter((n) => n.kind === "attestation").map((n) => n.id)).toEqual([
      "c2-hard-technology",
      "c6-chain-results",
    ])
  })

  it("encodes the +3 points of 二（六） and the staged listing award without an amount", () => {
    expect(pack.awards.map((a) => [a.id, a.trigger.kind, a.amount.kind])).toEqual([
      ["hardtech-pool-bonus-points", "pool_entry", "points"],
      ["hardtech-listing-staged", "listing_stage", "unspecified"],
    ])
    expect(pack.awards[0]?.amount).toMatchObject({ kind: "points", value: [{ value: 3 }] })
  })

  it("ships at least ten rule cases, including values exactly on the thresholds", () => {
    const cases = pack.tests.filter((t) => t.rule === "hardtech-pool-entry")
    expect(cases.length).toBeGreaterThanOrEqual(10)
    const lastYear = (c: Pack.TestCase) => c.enterprise.financials.find((f) => f.year === 2023)
    expect(cases.some((c) => lastYear(c)?.revenue === 10000 && c.expect.verdict === "eligible")).toBe(true)
    expect(cases.some((c) => lastYear(c)?.revenue === 10000.01 && c.expect.verdict === "needs_review")).toBe(true)
    expect(
      cases.some((c) => {
        const f = lastYear(c)
        return (
          f?.rdExpense !== undefined &&
          f.revenue !== undefined &&
          (f.rdExpense / f.revenue) * 100 === 5 &&
          c.expect.verdict === "eligible"
        )
      }),
    ).toBe(true)
    expect(new Set(cases.map((c) => c.expect.verdict))).toEqual(
      new Set(["eligible", "ineligible", "needs_review", "insufficient_data"]),
    )
  })

  it("gives every rule case its expected verdict with the core engine", () => {
    const rule = pack.rules.find((r) => r.id === "hardtech-pool-entry")
    if (rule === undefined) throw new Error("rule hardtech-pool-entry is missing")
    const wrong = pack.tests
      .filter((t) => t.rule === rule.id)
      .map((t) => ({
        name: t.name,
        expected: t.expect.verdict,
        got: Rule.evaluate(rule, t.enterprise, t.asOf).verdict,
      }))
      .filter((r) => r.expected !== r.got)
    expect(wrong).toEqual([])
  })

  it("gives every award case its expected lines with the core engine", () => {
    const cases = pack.tests.filter((t) => t.expect.awards !== undefined)
    expect(cases.length).toBeGreaterThanOrEqual(2)
    for (const t of cases) {
      const lines = Award.entitlements(pack.awards, t.enterprise, { asOf: t.asOf })
      expect(
        lines.map((l) => ({ award: l.award, amount: l.amount, status: l.status })),
        t.name,
      ).toEqual(t.expect.awards)
    }
  })
})
