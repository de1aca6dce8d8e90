import { Pack, Parameter, Unit } from "@srdi/core"
import { packFixture } from "@srdi/pack-kit/testing"
import { beforeAll, describe, expect, it } from "vitest"

const { citations, haveSources, isVerbatim, load, loadResolved, packDir, sourceText } = packFixture(import.meta.url)

const SEED = "001_323b9f65a3484da2.txt"
const SHIZHU = "500240"

// The units a clause's closing （牵头单位：…；配合单位：…） line names, as printed.
const printedUnits = (text: string): { lead: Array<string>; cooperating: Array<string> } | undefined => {
  const m = /（牵头单位：([^；）]*)(?:；配合单位：([^）]*))?）。?$/.exec(text)
  if (m === null) return undefined
  const names = (s: string | undefined) => (s === undefined ? [] : s.replace(/等$/, "").split(/[、，]/))
  return { lead: names(m[1]), cooperating: names(m[2]) }
}

describe("cq-shizhu-2022: Shizhu county plan, draft for comment (seed 001)", () => {
  let pack: Pack.Pack
  let base: Pack.Pack
  let resolved: Pack.Pack
  // Base first: cn-miit-tiers, cq-srdi-2022, then this pack.
  let layers: ReadonlyArray<Pack.Pack>
  beforeAll(async () => {
    pack = await load(packDir)
    ;({ layers, pack: resolved } = await loadResolved(packDir))
    base = layers.find((l) => l.meta.id === "cq-srdi-2022")!
  })

  it("records a draft for comment with no number or date, extending the city plan it cites", () => {
    expect(pack.meta).toMatchObject({
      id: "cq-shizhu-2022",
      status: "draft",
      region: SHIZHU,
      period: { from: "2022-01-01", to: "2025-12-31" },
      source: { file: SEED },
      extends: ["cq-srdi-2022"],
    })
    expect(pack.meta.title).toContain("意见征求稿")
    expect(pack.meta.docNumber).toBeUndefined()
    expect(pack.meta.issuedOn).toBeUndefined()
    // The draft cites the city plan by the number the base pack carries.
    expect(pack.meta.source.note).toContain(base.meta.docNumber!)
  })

  it("encodes all 30 numbered tasks and 3 safeguard measures, in order", () => {
    const numbers = (kind: string) => pack.tasks.filter((t) => t.kind === kind).map((t) => t.number)
    expect(numbers("task")).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)))
    expect(numbers("safeguard")).toEqual(["（一）", "（二）", "（三）"])
    const sectionOf = (n: number) => pack.tasks.find((t) => t.kind === "task" && t.number === String(n))!.cite.clause
    expect([1, 4, 5, 9, 10, 18, 19, 26, 27, 30].map(sectionOf)).toEqual([
      "二（一）1",
      "二（一）4",
      "二（二）5",
      "二（二）9",
      "二（三）10",
      "二（三）18",
      "二（四）19",
      "二（四）26",
      "二（五）27",
      "二（五）30",
    ])
  })

  it.skipIf(!haveSources)("has a task for each numbered line of the seed (skipped when /work/shared is absent)", () => {
    const lines = sourceText(SEED)
      .split("\n")
      .map((l) => l.trim())
    const start = lines.indexOf("二、重点任务")
    const safeguards = lines.indexOf("三、保障措施")
    const taskNumbers = lines.slice(start, safeguards).flatMap((l) => /^(\d+)\./.exec(l)?.[1] ?? [])
    const safeguardNumbers = lines.slice(safeguards).flatMap((l) => /^(（[一二三四五六七八九十]+）)/.exec(l)?.[1] ?? [])
    expect(pack.tasks.filter((t) => t.kind === "task").map((t) => t.number)).toEqual(taskNumbers)
    expect(pack.tasks.filter((t) => t.kind === "safeguard").map((t) => t.number)).toEqual(safeguardNumbers)
  })

  it("assigns each task the lead and cooperating units its text names", () => {
    for (const task of pack.tasks.filter((t) => t.kind === "task")) {
      const printed = printedUnits(task.cite.text)
      if (printed === undefined) throw new Error(`${task.id}: no 牵头单位 line in its cited text`)
      const ids = (names: ReadonlyArray<string>) => [
        ...new Set(names.map((n) => Unit.resolveName(resolved.units, n, SHIZHU)?.id ?? `unresolved:${n}`)),
      ]
      expect(task.unitsGiven, task.id).toBe(true)
      expect(task.lead, `${task.id} lead`).toEqual(ids(printed.lead))
      expect(task.cooperating, `${task.id} cooperating`).toEqual(ids(printed.cooperating))
    }
  })

  it("leaves the safeguard measures without units, each with a no_units gap", () => {
    const safeguards = pack.tasks.filter((t) => t.kind === "safeguard")
    for (const s of safeguards) {
      expect(s, s.id).toMatchObject({ unitsGiven: false, lead: [], cooperating: [] })
      expect(printedUnits(s.cite.text), s.id).toBeUndefined()
      expect(
        pack.gaps.filter((g) => g.kind === "no_units" && g.clause === s.cite.clause),
        s.id,
      ).toHaveLength(1)
    }
  })

  it("resolves every unit, region and target reference", () => {
    const units = new Set(resolved.units.map((u) => u.id))
    for (const t of pack.tasks)
      for (const u of [...t.lead, ...t.cooperating]) expect(units, `${t.id}: ${u}`).toContain(u)
    expect(Pack.validate(pack, { base: layers.slice(0, -1) })).toEqual([])
  })

  it("sets the binding 2025 targets (达到, no 力争) and rolls them up to the city's", () => {
    const goal = pack.targets.filter((t) => t.cite.clause === "一")
    expect(goal.map((t) => [t.metric, t.value, t.aspirational])).toEqual([
      ["enterprises.innovative_sme", 300, false],
      ["enterprises.srdi_sme", 30, false],
      ["enterprises.little_giant", 5, false],
    ])
    for (const t of goal) {
      const [packId, targetId] = (t.rollsUpTo ?? "").split(":")
      expect(packId).toBe("cq-srdi-2022")
      const parent = base.targets.find((x) => x.id === targetId)
      expect(parent, t.id).toMatchObject({ metric: t.metric, basis: t.basis, region: "500000", deadline: t.deadline })
    }
    expect(pack.targets.some((t) => t.metric === "listings.new")).toBe(false)
  })

  it("links the sub-targets of tasks 5, 6 and 7", () => {
    const byId = Object.fromEntries(pack.targets.map((t) => [t.id, t]))
    const sub = (n: string) =>
      pack.tasks
        .find((t) => t.kind === "task" && t.number === n)!
        .targets.map((id) => [byId[id]?.metric, byId[id]?.value, byId[id]?.unit])
    expect(sub("5")).toEqual([["platforms.municipal_rd_institution", 2, "家"]])
    expect(sub("6")).toEqual([["ip.high_value_invention_patents", 5, "件"]])
    expect(sub("7")).toEqual([
      ["platforms.digital_workshop", 4, "个"],
      ["platforms.smart_factory", 1, "个"],
      ["platforms.green_factory", 1, "个"],
    ])
  })

  it("names the awards the draft gives, with no invented amount, and its two pools", () => {
    expect(pack.awards.map((a) => [a.id, a.trigger.kind, a.amount.kind, a.cite.clause])).toEqual([
      ["sz-little-giant-award", "title_granted", "unspecified", "二（五）27"],
      ["sz-srdi-sme-award", "title_granted", "unspecified", "二（五）27"],
      ["sz-digital-model-subsidy", "honor", "unspecified", "二（五）28"],
      ["sz-listing-staged", "listing_stage", "staged", "二（五）30"],
    ])
    const listing = pack.awards.find((a) => a.id === "sz-listing-staged")!
    if (listing.amount.kind !== "staged") throw new Error("sz-listing-staged is not staged")
    for (const s of listing.amount.stages) expect(Parameter.at(s.value, "2024-01-01")?.value, s.stage).toBeNull()
    expect(pack.pools.map((p) => [p.id, p.cite.clause, p.quota])).toEqual([
      ["sz-cultivation-pool", "二（四）22", undefined],
      ["sz-pre-ipo-pool", "二（三）18", undefined],
    ])
  })

  it("records the gaps of the draft", () => {
    expect(pack.gaps.map((g) => [g.id, g.kind])).toEqual([
      ["sz-issuer", "missing"],
      ["sz-safeguard-1-units", "no_units"],
      ["sz-safeguard-2-units", "no_units"],
      ["sz-safeguard-3-units", "no_units"],
      ["sz-title-award-amounts", "unspecified_amount"],
      ["sz-digital-model-amount", "unspecified_amount"],
      ["sz-listing-amount", "unspecified_amount"],
      ["sz-listing-city-funds", "ambiguous"],
      ["sz-listing-overseas", "ambiguous"],
      ["sz-award-payer", "missing"],
      ["sz-tech-upgrade-support", "ambiguous"],
      ["sz-first-set", "ambiguous"],
      ["sz-pre-ipo-incentives", "ambiguous"],
      ["sz-pool-criteria", "missing"],
      ["sz-subtarget-deadlines", "ambiguous"],
      ["sz-tier-criteria", "ambiguous"],
    ])
  })

  it("screens with the national criteria through the city plan (cq-shizhu-2022 → cq-srdi-2022 → cn-miit-tiers)", () => {
    expect(layers.map((l) => l.meta.id)).toEqual(["cn-miit-tiers", "cq-srdi-2022", "cq-shizhu-2022"])
    // No criteria of its own (gap sz-tier-criteria): its rules and those its screening cases run are national.
    const origin = Pack.origin(layers).rules
    expect(pack.rules).toEqual([])
    expect(
      new Set([...resolved.rules.map((r) => r.id), ...pack.tests.flatMap((t) => t.rule ?? [])].map((id) => origin[id])),
    ).toEqual(new Set(["cn-miit-tiers"]))
  })

  it("cites the seed for every target, task, award, pool and gap", () => {
    const cited = new Set(citations(pack).map((c) => c.at))
    for (const key of ["targets", "tasks", "awards", "pools", "gaps"] as const)
      pack[key].forEach((_, i) => expect(cited, `${key}[${i}]`).toContain(`pack.${key}[${i}].cite`))
    for (const { cite } of citations(pack)) expect(cite.source).toBe(SEED)
  })

  it.skipIf(!haveSources)("quotes the seed verbatim (skipped when /work/shared is absent)", () => {
    const wrong = citations(pack).filter(({ cite }) => !isVerbatim(cite))
    expect(wrong.map(({ at, cite }) => `${at}: ${cite.text}`)).toEqual([])
  })
})
