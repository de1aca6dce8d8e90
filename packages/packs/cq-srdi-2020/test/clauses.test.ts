import { Award, type Pack } from "@srdi/core"
import { packFixture } from "@srdi/pack-kit/testing"
import { beforeAll, describe, expect, it } from "vitest"

const { citations, haveSources, load, sourceText, sourcesDir } = packFixture(import.meta.url)

const SEED = "002_6126cfabff4c1b28.txt"

let pack: Pack.Pack

beforeAll(async () => {
  pack = await load()
})

describe("cq-srdi-2020 (重庆市关于进一步加强“专精特新”中小企业培育发展的通知)", () => {
  it("keeps the document's metadata", () => {
    expect(pack.meta).toMatchObject({
      id: "cq-srdi-2020",
      issuer: "重庆市经济和信息化委员会",
      issuedOn: "2020-06-15",
      period: { from: "2020-06-15", to: "2025-12-31" },
      region: "500000",
      status: "final",
      source: { file: SEED },
    })
    expect(pack.meta.docNumber).toBeUndefined()
  })

  it("has the 9 measures of 二 and the 3 safeguards of 三, in order", () => {
    const clauses = (kind: string) => pack.tasks.filter((t) => t.kind === kind).map((t) => t.cite.clause)
    expect(clauses("task")).toEqual(["一", "二", "三", "四", "五", "六", "七", "八", "九"].map((n) => `二（${n}）`))
    expect(clauses("safeguard")).toEqual(["三（一）", "三（二）", "三（三）"])
    // Each task cites its whole paragraph, which starts with its number as printed (half-width brackets).
    for (const t of pack.tasks)
      expect(t.cite.text.startsWith(t.number.replace("（", "(").replace("）", ")"))).toBe(true)
  })

  it("assigns no unit anywhere, as the notice, and records that as gaps", () => {
    expect(pack.tasks.every((t) => !t.unitsGiven && t.lead.length === 0 && t.cooperating.length === 0)).toBe(true)
    const ids = new Set(pack.units.map((u) => u.id))
    expect(pack.awards.filter((a) => a.payer !== undefined && !ids.has(a.payer))).toEqual([])
    expect(pack.gaps.filter((g) => g.kind === "no_units").map((g) => g.clause)).toEqual(["二", "三"])
  })

  it("reads the recurrences 每年 and 每月 of the safeguards", () => {
    expect(pack.tasks.filter((t) => t.recurrence !== undefined).map((t) => [t.id, t.recurrence])).toEqual([
      ["safeguard-2", "annual"],
      ["safeguard-3", "monthly"],
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

  it("encodes the aspirational 2025 targets 1600 / 150 / 60", () => {
    expect(pack.targets.map((t) => [t.metric, t.comparator, t.value, t.unit, t.aspirational, t.deadline])).toEqual([
      ["enterprises.srdi_sme", ">=", 1600, "户", true, "2025-12-31"],
      ["enterprises.little_giant", ">=", 150, "户", true, "2025-12-31"],
      ["enterprises.hidden_champion", ">=", 60, "户", true, "2025-12-31"],
    ])
    expect(pack.targets.every((t) => t.cite.text.startsWith("力争到2025年"))).toBe(true)
  })

  it("encodes every award trigger with its amount unspecified and a gap for it", () => {
    expect(pack.awards.map((a) => [a.id, a.cite.clause, a.trigger.kind, a.amount.kind])).toEqual([
      ["cq-2020-major-new-product", "二（二）", "honor", "unspecified"],
      ["cq-2020-first-set-equipment", "二（二）", "title_granted", "unspecified"],
      ["cq-2020-srdi-board", "二（四）", "listing_stage", "unspecified"],
      ["cq-2020-quality-benchmark", "二（六）", "honor", "unspecified"],
      ["cq-2020-brand-demo", "二（六）", "honor", "unspecified"],
      ["cq-2020-cluster-brand-pilot", "二（六）", "honor", "unspecified"],
    ])
    const gapClauses = new Set(pack.gaps.filter((g) => g.kind === "unspecified_amount").map((g) => g.cite?.text))
    expect(pack.awards.filter((a) => !gapClauses.has(a.cite.text)).map((a) => a.id)).toEqual([])
  })

  it("records the gaps of the notice", () => {
    expect(pack.gaps.map((g) => [g.id, g.kind])).toEqual([
      ["units-not-assigned", "no_units"],
      ["safeguards-not-assigned", "no_units"],
      ["little-giant-level", "ambiguous"],
      ["pool-entry-standard", "missing"],
      ["award-amount-major-new-product", "unspecified_amount"],
      ["award-amount-first-set", "unspecified_amount"],
      ["award-amount-srdi-board", "unspecified_amount"],
      ["award-amount-quality-brand", "unspecified_amount"],
    ])
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
