import { Award, type Pack } from "@srdi/core"
import { packFixture } from "@srdi/pack-kit/testing"
import { beforeAll, describe, expect, it } from "vitest"

const { citations, haveSources, load, sourceText, sourcesDir } = packFixture(import.meta.url)

const SEED = "004_8c5d1477efe227da.txt"

let pack: Pack.Pack

beforeAll(async () => {
  pack = await load()
})

const UNNUMBERED = "（未编号）"

describe("cq-techsme-2022 (渝府办发〔2022〕56号)", () => {
  it("keeps the document's metadata", () => {
    expect(pack.meta).toMatchObject({
      id: "cq-techsme-2022",
      issuer: "重庆市人民政府办公厅",
      docNumber: "渝府办发〔2022〕56号",
      issuedOn: "2022-05-06",
      publishedOn: "2022-05-09",
      period: { from: "2022-01-01", to: "2025-12-31" },
      region: "500000",
      status: "final",
      source: { file: SEED },
    })
  })

  it("keeps every surviving item once, in order, with unnumbered passages where they stand", () => {
    const tasks = pack.tasks.filter((t) => t.kind === "task")
    expect(tasks.map((t) => t.number)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      UNNUMBERED,
      "10",
      "11",
      "13",
      "14",
      UNNUMBERED,
      "16",
      UNNUMBERED,
    ])
    expect(pack.tasks.filter((t) => t.kind === "safeguard").map((t) => t.number)).toEqual(["（一）", UNNUMBERED])
    const numbered = tasks.filter((t) => t.number !== UNNUMBERED).map((t) => Number(t.number))
    expect(numbered).toEqual([...numbered].sort((a, b) => a - b))
    // De-duplicated: no two entries cite the same passage, and no id repeats.
    expect(new Set(pack.tasks.map((t) => t.cite.text)).size).toBe(pack.tasks.length)
    expect(new Set(pack.tasks.map((t) => t.id)).size).toBe(pack.tasks.length)
  })

  it("records a missing gap for items 8, 9, 12 and 15 and for the lost headings", () => {
    const missing = pack.gaps.filter((g) => g.kind === "missing").map((g) => g.clause)
    expect(missing).toEqual(["二（三）8", "二（三）9", "二（四）12", "二（四）15", "二（三）", "二（四）", "三"])
    const present = new Set(pack.tasks.map((t) => t.number))
    for (const n of ["8", "9", "12", "15"]) expect(present.has(n)).toBe(false)
    // Every unnumbered entry is explained by a gap citing the same passage.
    const gapTexts = new Set(pack.gaps.map((g) => g.cite?.text))
    expect(pack.tasks.filter((t) => t.number === UNNUMBERED && !gapTexts.has(t.cite.text)).map((t) => t.id)).toEqual([])
  })

  it("takes units from each section's 责任单位 line and records the sections without one", () => {
    const ids = new Set(pack.units.map((u) => u.id))
    const refs = pack.tasks.flatMap((t) => [...t.lead, ...t.cooperating])
    expect(refs.filter((u) => !ids.has(u))).toEqual([])
    const leadOf = (id: string) => pack.tasks.find((t) => t.id === id)?.lead
    expect(leadOf("task-3")).toEqual(["cq-kjj", "cq-jxw", "cq-jrjgj", "cq-czj", "cq-zjj", "cq-qx-gov"])
    expect(leadOf("task-13")).toEqual([
      "cq-kjj",
      "cq-swj",
      "cq-jrjgj",
      "cq-czj",
      "cq-zscqj",
      "cq-rhyg",
      "cq-ybjj",
      "cq-rlsbj",
      "cq-qx-gov",
    ])
    expect(leadOf("task-16")).toEqual(["cq-kjj", "cq-zscqj", "cq-qx-gov"])
    expect(leadOf("safeguard-passage")).toEqual(["cq-kjj"])
    const unassigned = pack.tasks.filter((t) => !t.unitsGiven)
    expect(unassigned.map((t) => t.id)).toEqual([
      "task-4",
      "task-5",
      "task-6",
      "task-7",
      "task-passage-3",
      "task-10",
      "task-11",
      "safeguard-1",
    ])
    expect(unassigned.every((t) => t.lead.length === 0)).toBe(true)
    expect(pack.gaps.filter((g) => g.kind === "no_units").map((g) => g.clause)).toEqual([
      "二（二）",
      "二（三）",
      "三（一）",
    ])
  })

  it("records each repeated paragraph and each out-of-order passage", () => {
    expect(pack.gaps.filter((g) => g.kind === "duplicate")).toHaveLength(9)
    expect(pack.gaps.filter((g) => g.kind === "out_of_order").map((g) => g.clause)).toEqual(["二（一）1", "二（二）5"])
  })

  it("cites passages found verbatim in the seed, each duplicate a passage printed twice", (ctx) => {
    if (!haveSources) ctx.skip(`source folder ${sourcesDir} is absent; verbatim check skipped`)
    const text = sourceText(SEED)
    const all = citations(pack)
    expect(all.length).toBeGreaterThan(40)
    expect(all.filter(({ cite }) => cite.source !== SEED).map(({ at }) => at)).toEqual([])
    expect(all.filter(({ cite }) => !text.includes(cite.text)).map(({ at, cite }) => `${at}: ${cite.text}`)).toEqual([])
    // A duplicate gap cites the repeated passage itself, so it must be printed at least twice.
    const times = (passage: string) => text.split(passage).length - 1
    const once = pack.gaps.filter((g) => g.kind === "duplicate" && times(g.cite?.text ?? "") < 2)
    expect(once.map((g) => g.id)).toEqual([])
  })

  it("encodes the aspirational 2025 targets: 10,000 new tech SMEs, 9,500 HNTEs, 10 STAR listings", () => {
    expect(pack.targets.map((t) => [t.metric, t.basis, t.comparator, t.value, t.aspirational, t.deadline])).toEqual([
      ["enterprises.tech_sme", "increase", ">=", 10000, true, "2025-12-31"],
      ["enterprises.hnte", "level", ">=", 9500, true, "2025-12-31"],
      ["listings.star", "level", ">=", 10, true, "2025-12-31"],
    ])
  })

  it("encodes the first-HNTE support with an unspecified amount and the two pools", () => {
    expect(pack.awards.map((a) => [a.id, a.trigger, a.amount.kind])).toEqual([
      ["cq-techsme-hnte-first", { kind: "first_recognition", title: "hnte" }, "unspecified"],
    ])
    expect(pack.gaps.filter((g) => g.kind === "unspecified_amount").map((g) => g.cite?.text)).toEqual([
      pack.awards[0]?.cite.text,
    ])
    expect(pack.pools.map((p) => p.id)).toEqual(["hnte-cultivation", "star-ipo-reserve"])
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
