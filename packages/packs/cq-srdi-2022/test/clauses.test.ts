import { Pack, Parameter } from "@srdi/core"
import { packFixture } from "@srdi/pack-kit/testing"
import { beforeAll, describe, expect, it } from "vitest"

const { citations, haveSources, isVerbatim, load, loadResolved, packDir } = packFixture(import.meta.url)

const REFERENCE = "reference/national-criteria.md"

describe("cq-srdi-2022: Chongqing municipal plan 2022–2025 (from the reference)", () => {
  let pack: Pack.Pack
  beforeAll(async () => {
    pack = await load(packDir)
  })

  it("records the document as the district plans cite it, without an exact issue date", () => {
    expect(pack.meta.id).toBe("cq-srdi-2022")
    expect(pack.meta.docNumber).toBe("渝府办发〔2022〕23号")
    expect(pack.meta.issuer).toBe("重庆市人民政府办公厅")
    expect(pack.meta.issuedOn).toBeUndefined()
    expect(pack.meta.period).toEqual({ from: "2022-01-01", to: "2025-12-31" })
    expect(pack.meta.region).toBe("500000")
    expect(pack.meta.status).toBe("final")
    expect(pack.meta.source.file).toBe(REFERENCE)
    expect(pack.meta.extends).toEqual(["cn-miit-tiers"])
  })

  it("extends the national criteria, so the city and its districts screen with the MIIT rules and add none", async () => {
    const { layers, pack: resolved } = await loadResolved(packDir)
    expect(layers.map((l) => l.meta.id)).toEqual(["cn-miit-tiers", "cq-srdi-2022"])
    expect(pack.rules).toEqual([])
    const national = layers[0]!
    expect(resolved.rules.map((r) => r.id)).toEqual(national.rules.map((r) => r.id))
    expect(new Set(resolved.rules.map((r) => r.decides))).toEqual(
      new Set(["innovative_sme", "srdi_sme", "little_giant"]),
    )
    // The reason is on record, citing the tiers the plan's targets count.
    const why = pack.gaps.find((g) => g.id === "cq-national-criteria")
    expect(why?.cite?.text).toContain("创新型中小企业 25,000; 市级专精特新 2,500; 小巨人 300")
    for (const metric of ["enterprises.innovative_sme", "enterprises.srdi_sme", "enterprises.little_giant"])
      expect(pack.targets.map((t) => t.metric)).toContain(metric)
  })

  it("sets the four 2025 targets of the reference", () => {
    const byMetric = Object.fromEntries(pack.targets.map((t) => [t.metric, t]))
    expect(pack.targets).toHaveLength(4)
    expect(byMetric["enterprises.innovative_sme"]).toMatchObject({ value: 25000, basis: "level", comparator: ">=" })
    expect(byMetric["enterprises.srdi_sme"]).toMatchObject({ value: 2500, basis: "level", comparator: ">=" })
    expect(byMetric["enterprises.little_giant"]).toMatchObject({ value: 300, basis: "level", comparator: ">=" })
    expect(byMetric["listings.new"]).toMatchObject({ value: 25, basis: "increase", start: "2022-01-01" })
    for (const t of pack.targets) {
      expect(t).toMatchObject({ region: "500000", deadline: "2025-12-31", unit: "家" })
      expect(t.cite.source).toBe(REFERENCE)
    }
  })

  it("pays the city listing award of 渝财规〔2022〕10号 by stage, later stages unspecified", () => {
    expect(pack.awards.map((a) => a.id)).toEqual(["cq-listing-staged"])
    const award = pack.awards[0]!
    expect(award.trigger).toEqual({
      kind: "listing_stage",
      stages: ["otc_cq", "neeq_basic", "bse", "star", "chinext", "main_board"],
    })
    if (award.amount.kind !== "staged") throw new Error(`expected a staged amount, got ${award.amount.kind}`)
    const stages = award.amount.stages
    const on = (date: string) => Object.fromEntries(stages.map((s) => [s.stage, Parameter.at(s.value, date)?.value]))
    expect(on("2023-06-30")).toEqual({
      otc_cq: 50,
      neeq_basic: 50,
      bse: null,
      star: null,
      chinext: null,
      main_board: null,
    })
    expect(award.stacking.mode).toBe("cumulative")
  })

  it("records what the reference cannot give", () => {
    expect(pack.gaps.map((g) => [g.id, g.kind])).toEqual([
      ["cq-tasks", "missing"],
      ["cq-issued-on", "missing"],
      ["cq-target-wording", "ambiguous"],
      ["cq-listing-award-date", "missing"],
      ["cq-listing-later-stages", "unspecified_amount"],
      ["cq-national-criteria", "ambiguous"],
    ])
    // No tasks are encoded: the plan's text is not available (gap cq-tasks), so nothing may pretend otherwise.
    expect(pack.tasks).toEqual([])
  })

  it("validates with no problems", () => {
    expect(Pack.validate(pack)).toEqual([])
  })

  it("gives every target, award, parameter value and gap a citation", () => {
    const cited = citations(pack).map((c) => c.at)
    for (const [i] of pack.targets.entries()) expect(cited).toContain(`pack.targets[${i}].cite`)
    for (const [i] of pack.awards.entries()) expect(cited).toContain(`pack.awards[${i}].cite`)
    for (const [i] of pack.gaps.entries()) expect(cited).toContain(`pack.gaps[${i}].cite`)
    expect(cited.filter((at) => at.includes(".amount.stages["))).toHaveLength(6)
  })

  it.skipIf(!haveSources)("quotes the reference verbatim (skipped when /work/shared is absent)", () => {
    const wrong = citations(pack).filter(({ cite }) => !isVerbatim(cite))
    expect(wrong.map(({ at, cite }) => `${at}: ${cite.text}`)).toEqual([])
  })
})
