import { Pack, Parameter, Unit } from "@srdi/core"
import { packFixture } from "@srdi/pack-kit/testing"
import { beforeAll, describe, expect, it } from "vitest"

const { citations, haveSources, isVerbatim, load, loadResolved, packDir, sourceText } = packFixture(import.meta.url)

const SEED = "000_d71d90c544c9bbc9.txt"
const TONGLIANG = "500151"

// The units a clause's closing （牵头单位：…；配合单位：…） line names, as printed.
const printedUnits = (text: string): { lead: Array<string>; cooperating: Array<string> } | undefined => {
  const m = /（牵头单位：([^；）]*)(?:；配合单位：([^）]*))?）。?$/.exec(text)
  if (m === null) return undefined
  const names = (s: string | undefined) => (s === undefined ? [] : s.replace(/等$/, "").split(/[、，]/))
  return { lead: names(m[1]), cooperating: names(m[2]) }
}

describe("cq-tongliang-2022: Tongliang district plan (seed 000)", () => {
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

  it("records the notice: final, issued 2022-10-25, no 文号 printed, extending the city plan", () => {
    expect(pack.meta).toMatchObject({
      id: "cq-tongliang-2022",
      issuer: "重庆市铜梁区人民政府办公室",
      issuedOn: "2022-10-25",
      status: "final",
      region: TONGLIANG,
      period: { from: "2022-01-01", to: "2025-12-31" },
      source: { file: SEED },
      extends: ["cq-srdi-2022"],
    })
    expect(pack.meta.docNumber).toBeUndefined()
    expect(pack.meta.source.note).toContain("文号")
  })

  it("encodes every numbered task and safeguard measure, in order", () => {
    const numbers = (kind: string) => pack.tasks.filter((t) => t.kind === kind).map((t) => t.number)
    expect(numbers("task")).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"])
    expect(numbers("safeguard")).toEqual(["（一）", "（二）", "（三）", "（四）"])
    expect(pack.tasks.map((t) => t.cite.clause)).toEqual([
      "二（一）1",
      "二（一）2",
      "二（二）3",
      "二（二）4",
      "二（二）5",
      "二（三）6",
      "二（三）7",
      "二（四）8",
      "二（四）9",
      "二（五）10",
      "三（一）",
      "三（二）",
      "三（三）",
      "三（四）",
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

  it("assigns each clause the lead and cooperating units its text names", () => {
    for (const task of pack.tasks) {
      expect(task.unitsGiven, task.id).toBe(true)
      const printed = printedUnits(task.cite.text)
      if (printed === undefined) throw new Error(`${task.id}: no 牵头单位 line in its cited text`)
      const ids = (names: ReadonlyArray<string>) => [
        ...new Set(names.map((n) => Unit.resolveName(resolved.units, n, TONGLIANG)?.id ?? `unresolved:${n}`)),
      ]
      expect(task.lead, `${task.id} lead`).toEqual(ids(printed.lead))
      expect(task.cooperating, `${task.id} cooperating`).toEqual(ids(printed.cooperating))
    }
  })

  it("resolves every unit, region and target reference", () => {
    const units = new Set(resolved.units.map((u) => u.id))
    for (const t of pack.tasks)
      for (const u of [...t.lead, ...t.cooperating]) expect(units, `${t.id}: ${u}`).toContain(u)
    expect(Pack.validate(pack, { base: layers.slice(0, -1) })).toEqual([])
  })

  it("sets the 2025 targets as aspirational (力争) and rolls them up to the city's", () => {
    const goal = pack.targets.filter((t) => t.cite.clause === "一")
    expect(goal.map((t) => [t.metric, t.value, t.aspirational])).toEqual([
      ["enterprises.innovative_sme", 500, true],
      ["enterprises.srdi_sme", 150, true],
      ["enterprises.little_giant", 15, true],
      ["listings.new", 3, true],
    ])
    for (const t of goal) {
      const [packId, targetId] = (t.rollsUpTo ?? "").split(":")
      expect(packId).toBe("cq-srdi-2022")
      const parent = base.targets.find((x) => x.id === targetId)
      expect(parent, t.id).toMatchObject({ metric: t.metric, basis: t.basis, region: "500000", deadline: t.deadline })
      expect(t.value).toBeLessThan(parent!.value)
    }
  })

  it("counts the cultivation pool's intake of at least 50 a year, and the task sub-targets", () => {
    expect(pack.pools).toMatchObject([
      { id: "tl-cultivation-pool", region: TONGLIANG, quota: { perYear: 50, comparator: ">=" } },
    ])
    const byId = Object.fromEntries(pack.targets.map((t) => [t.id, t]))
    expect(byId["tl-pool-entries-annual"]).toMatchObject({
      basis: "annual",
      value: 50,
      aspirational: false,
      metric: "pool.entries",
    })
    expect(pack.tasks.find((t) => t.number === "1")).toMatchObject({
      recurrence: "annual",
      targets: ["tl-pool-entries-annual"],
    })
    const sub = (n: string) =>
      pack.tasks
        .find((t) => t.kind === "task" && t.number === n)!
        .targets.map((id) => [byId[id]?.value, byId[id]?.unit])
    expect(sub("3")).toEqual([
      [50, "家"],
      [10, "家"],
    ])
    expect(sub("5")).toEqual([
      [45, "个"],
      [10, "个"],
    ])
  })

  it("names each award the plan gives, with no invented amount", () => {
    expect(pack.awards.map((a) => [a.id, a.trigger.kind, a.amount.kind])).toEqual([
      ["tl-first-srdi-sme", "first_recognition", "unspecified"],
      ["tl-first-little-giant", "first_recognition", "unspecified"],
      ["tl-incubator-recognition", "title_granted", "unspecified"],
      ["tl-maker-space-recognition", "title_granted", "unspecified"],
      ["tl-listing-staged", "listing_stage", "staged"],
    ])
    const listing = pack.awards.find((a) => a.id === "tl-listing-staged")!
    if (listing.amount.kind !== "staged") throw new Error("tl-listing-staged is not staged")
    for (const s of listing.amount.stages) expect(Parameter.at(s.value, "2024-01-01")?.value, s.stage).toBeNull()
    // The city's listing award comes with the extends chain.
    expect(resolved.awards.map((a) => a.id)).toContain("cq-listing-staged")
  })

  it("records the gaps of the text", () => {
    expect(pack.gaps.map((g) => [g.id, g.kind])).toEqual([
      ["tl-doc-number", "missing"],
      ["tl-first-recognition-amount", "unspecified_amount"],
      ["tl-incubator-amount", "unspecified_amount"],
      ["tl-listing-amount", "unspecified_amount"],
      ["tl-listing-overseas", "ambiguous"],
      ["tl-award-payer", "missing"],
      ["tl-pool-entry-criteria", "missing"],
      ["tl-subtarget-deadlines", "ambiguous"],
      ["tl-safeguard-3-support", "ambiguous"],
      ["tl-safeguard-3-open-units", "ambiguous"],
      ["tl-tier-criteria", "ambiguous"],
    ])
  })

  it("screens with the national criteria through the city plan (cq-tongliang-2022 → cq-srdi-2022 → cn-miit-tiers)", () => {
    expect(layers.map((l) => l.meta.id)).toEqual(["cn-miit-tiers", "cq-srdi-2022", "cq-tongliang-2022"])
    // No criteria of its own (gap tl-tier-criteria): its rules and those its screening cases run are national.
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
