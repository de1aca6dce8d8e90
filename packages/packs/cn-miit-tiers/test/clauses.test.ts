/**
 * Checks the pack against the reference it encodes (reference/national-criteria.md): every criterion present with
 * its clause, the rule in force switching on 2026-04-01, provisional values exactly where the reference marks them,
 * cite texts copied from the reference, and the gaps recorded instead of invented content.
 */
import { type Pack, Parameter, Rule } from "@srdi/core"
import { packFixture } from "@srdi/pack-kit/testing"
import { beforeAll, describe, expect, it } from "vitest"

const { citations, haveSources, isVerbatim, load } = packFixture(import.meta.url)

const REFERENCE = "reference/national-criteria.md"

const D63 = "工信部企业〔2022〕63号"
const D2 = "工信部企业〔2026〕2号"

let pack: Pack.Pack

beforeAll(async () => {
  pack = await load()
})

/** Every node of a rule tree, including points cases and switch branches. */
const nodesOf = (node: Rule.Node): Array<Rule.Node> => {
  const out: Array<Rule.Node> = [node]
  switch (node.kind) {
    case "all":
    case "any":
    case "atLeast":
      for (const child of node.of) out.push(...nodesOf(child))
      break
    case "not":
      out.push(...nodesOf(node.of))
      break
    case "switch":
      for (const c of node.cases) out.push(...nodesOf(c.rule))
      break
    case "score":
      for (const item of node.items) out.push(...nodesOf(item))
      break
    case "points":
      for (const c of node.cases ?? []) out.push(...nodesOf(c.when))
      break
    default:
      break
  }
  return out
}

const rule = (id: string): Rule.Rule => {
  const found = pack.rules.find((r) => r.id === id)
  if (found === undefined) throw new Error(`rule ${id} is missing from the pack`)
  return found
}

const node = (ruleId: string, nodeId: string): Rule.Node => {
  const found = nodesOf(rule(ruleId).root).find((n) => n.id === nodeId)
  if (found === undefined) throw new Error(`node ${nodeId} is missing from rule ${ruleId}`)
  return found
}

/** The parameters of a node with a path for messages: compare thresholds and score / group minimums. */
const parametersOf = (r: Rule.Rule): Array<{ readonly where: string; readonly parameter: Parameter.Parameter }> =>
  nodesOf(r.root).flatMap((n) => {
    if (n.kind === "compare") return [{ where: `${r.id}/${n.id}`, parameter: n.threshold }]
    if (n.kind === "score")
      return [
        { where: `${r.id}/${n.id}.min`, parameter: n.min },
        ...(n.groups ?? []).flatMap((g) =>
          g.min === undefined ? [] : [{ where: `${r.id}/${n.id}.${g.id}`, parameter: g.min }],
        ),
      ]
    return []
  })

describe("cn-miit-tiers metadata", () => {
  it("names the documents, the national region and the reference file", () => {
    expect(pack.meta.id).toBe("cn-miit-tiers")
    expect(pack.meta.docNumber).toBe(`${D63}；${D2}`)
    expect(pack.meta.region).toBe("100000")
    expect(pack.meta.source.file).toBe("reference/national-criteria.md")
    expect(pack.meta.extends).toEqual([])
    expect(pack.regions.map((r) => r.code)).toEqual(["100000"])
    expect(pack.units.map((u) => [u.id, u.name, u.region])).toEqual([["cn-miit", "工业和信息化部", "100000"]])
  })
})

describe("every criterion of the reference is encoded", () => {
  it("has the five dated rules with what they decide and when", () => {
    expect(pack.rules.map((r) => [r.id, r.decides, r.effective.from, r.effective.until ?? null])).toEqual([
      ["innovative-sme-63", "innovative_sme", "2022-01-01", null],
      ["srdi-sme-63", "srdi_sme", "2022-01-01", "2026-03-31"],
      ["little-giant-63", "little_giant", "2022-01-01", "2026-03-31"],
      ["srdi-sme-2026", "srdi_sme", "2026-04-01", null],
      ["little-giant-2026", "little_giant", "2026-04-01", null],
    ])
  })

  it("创新型 (63号 附件1): six points rows in three groups with their maxima, and the pass marks 60 / 20 / 15 / 15", () => {
    const score = node("innovative-sme-63", "score")
    if (score.kind !== "score") throw new Error("score is not a score node")
    expect(score.items.map((i) => [i.id, i.group, i.max, i.cite.clause])).toEqual([
      ["ip", "innovation", 20, `${D63} 附件1 指标1`],
      ["rd-intensity", "innovation", 20, `${D63} 附件1 指标2`],
      ["main-growth", "growth", 20, `${D63} 附件1 指标3`],
      ["debt-ratio", "growth", 10, `${D63} 附件1 指标4`],
      ["strategic-emerging", "specialization", 10, `${D63} 附件1 指标5`],
      ["main-share", "specialization", 20, `${D63} 附件1 指标6`],
    ])
    expect(Parameter.valueAt(score.min, "2025-01-01")).toBe(60)
    expect(
      (score.groups ?? []).map((g) => [g.id, g.label?.zh, g.min && Parameter.valueAt(g.min, "2025-01-01")]),
    ).toEqual([
      ["innovation", "创新能力", 20],
      ["growth", "成长性", 15],
      ["specialization", "专业化", 15],
    ])
    // Row bands as printed: points per case, first passing case wins.
    expect(score.items.map((i) => (i.cases ?? []).map((c) => c.points))).toEqual([
      [20, 15, 10, 5, 0],
      [20, 15, 10, 5, 0],
      [20, 15, 10, 5, 0],
      [10, 5, 0],
      [10, 5],
      [20, 15, 10, 5, 0],
    ])
  })

  it("创新型 direct conditions 1–4", () => {
    const direct = node("innovative-sme-63", "direct")
    if (direct.kind !== "any") throw new Error("direct is not an any node")
    expect(direct.of.map((n) => [n.id, n.kind, n.cite.clause])).toEqual([
      ["direct.science-award", "honor", `${D63} 附件1 直通条件1`],
      ["direct.titles", "title", `${D63} 附件1 直通条件2`],
      ["direct.rd-institution", "title", `${D63} 附件1 直通条件3`],
      ["direct.new-equity", "compare", `${D63} 附件1 直通条件4`],
    ])
    const titles = node("innovative-sme-63", "direct.titles")
    expect(titles.kind === "title" && titles.titles).toEqual([
      "hnte",
      "tech_innovation_demo_national",
      "ip_advantage",
      "ip_demonstration",
    ])
    const equity = node("innovative-sme-63", "direct.new-equity")
    expect(equity.kind === "compare" && [equity.indicator, Parameter.valueAt(equity.threshold, "2025-01-01")]).toEqual([
      { id: "newEquity", span: 3, aggregate: "sum" },
      500,
    ])
  })

  it("专精特新 (63号): all four criteria, criterion 4 as attestation or the quantitative direct conditions", () => {
    const root = rule("srdi-sme-63").root
    expect(root.kind).toBe("all")
    if (root.kind !== "all") return
    expect(root.of.map((n) => [n.id, n.cite.clause])).toEqual([
      ["c1.niche-years", `${D63} 专精特新中小企业 条件1`],
      ["c2.rd", `${D63} 专精特新中小企业 条件2`],
      ["c3.revenue", `${D63} 专精特新中小企业 条件3`],
      ["c4.score-or-direct", `${D63} 专精特新中小企业 条件4`],
    ])
    const thresholds = Object.fromEntries(
      parametersOf(rule("srdi-sme-63")).map(({ where, parameter }) => [
        where,
        Parameter.valueAt(parameter, "2025-01-01"),
      ]),
    )
    expect(thresholds).toEqual({
      "srdi-sme-63/c1.niche-years": 2,
      "srdi-sme-63/c2.rd-expense": 100,
      "srdi-sme-63/c2.rd-intensity": 3,
      "srdi-sme-63/c3.revenue-1000": 1000,
      "srdi-sme-63/c3.new-equity-2000": 2000,
      "srdi-sme-63/c4.rd-expense-avg-1000": 1000,
      "srdi-sme-63/c4.new-equity-6000": 6000,
    })
    const c4 = node("srdi-sme-63", "c4.score-or-direct")
    expect(c4.kind === "any" && c4.of.map((n) => n.kind)).toEqual([
      "attestation",
      "honor",
      "honor",
      "compare",
      "compare",
      "honor",
    ])
  })

  it("小巨人 (63号): 专, 精, 特 and 新 (general route by revenue band, or the direct route)", () => {
    const root = rule("little-giant-63").root
    expect(root.kind === "all" && root.of.map((n) => [n.id, n.cite.clause])).toEqual([
      ["zhuan", `${D63} 专精特新“小巨人” 专`],
      ["jing", `${D63} 专精特新“小巨人” 精`],
      ["te", `${D63} 专精特新“小巨人” 特`],
      ["xin", `${D63} 专精特新“小巨人” 新`],
    ])
    const bands = node("little-giant-63", "xin.rd-by-revenue")
    expect(bands.kind === "switch" && bands.cases.map((c) => [c.min ?? null, c.max ?? null, c.rule.id])).toEqual([
      [10000, null, "xin.rd-intensity-3-each"],
      [5000, 10000, "xin.rd-intensity-6-each"],
      [null, 5000, "xin.small"],
    ])
    const thresholds = Object.fromEntries(
      parametersOf(rule("little-giant-63")).map(({ where, parameter }) => [
        where,
        Parameter.valueAt(parameter, "2025-01-01"),
      ]),
    )
    expect(thresholds).toEqual({
      "little-giant-63/zhuan.niche-years": 3,
      "little-giant-63/zhuan.main-share": 70,
      "little-giant-63/zhuan.main-growth-avg": 5,
      "little-giant-63/jing.debt-ratio": 70,
      "little-giant-63/te.niche-share": 10,
      "little-giant-63/xin.rd-intensity-3-each": 3,
      "little-giant-63/xin.rd-intensity-6-each": 6,
      "little-giant-63/xin.small.new-equity": 8000,
      "little-giant-63/xin.small.rd-total": 3000,
      "little-giant-63/xin.small.rd-staff": 50,
      "little-giant-63/xin.ip-applied": 2,
    })
    const attested = nodesOf(root).flatMap((n) => (n.kind === "attestation" ? [n.criterion] : []))
    expect(attested).toEqual([
      "miit-63.little-giant.information-system",
      "miit-63.little-giant.certification",
      "miit-63.little-giant.own-brand",
    ])
  })

  it("2号: 专精特新 and 小巨人 thresholds as the reference lists them", () => {
    const at = "2026-04-01"
    const values = (id: string) =>
      Object.fromEntries(
        parametersOf(rule(id)).map(({ where, parameter }) => [where, Parameter.valueAt(parameter, at)]),
      )
    expect(values("srdi-sme-2026")).toEqual({
      "srdi-sme-2026/niche-years": 3,
      "srdi-sme-2026/revenue-1500": 1500,
      "srdi-sme-2026/new-equity-2000": 2000,
      "srdi-sme-2026/main-share-80": 80,
      "srdi-sme-2026/debt-ratio-80": 80,
      "srdi-sme-2026/rd-expense-each": 100,
      "srdi-sme-2026/rd-intensity-each": 3,
      "srdi-sme-2026/ip-applied": 1,
    })
    expect(values("little-giant-2026")).toEqual({
      "little-giant-2026/rd-total-1200": 1200,
      "little-giant-2026/rd-intensity-each": 3,
      "little-giant-2026/class-i-ip-4": 4,
    })
    const attested = (id: string) =>
      nodesOf(rule(id).root).flatMap((n) => (n.kind === "attestation" ? [n.criterion] : []))
    expect(attested("srdi-sme-2026")).toEqual([
      "miit-2026.srdi-sme.award-waiver",
      "miit-2026.srdi-sme.development-quality",
    ])
    expect(attested("little-giant-2026")).toEqual(["miit-2026.little-giant.development-quality"])
  })

  it("gives every node a unique id within its rule", () => {
    for (const r of pack.rules) {
      const ids = nodesOf(r.root).map((n) => n.id)
      expect(new Set(ids).size, r.id).toBe(ids.length)
    }
  })
})

describe("the rule in force switches on 2026-04-01", () => {
  const inForceFor = (decides: string, date: string) =>
    Rule.inForce(
      pack.rules.filter((r) => r.decides === decides),
      date,
    ).map((r) => r.id)

  it("专精特新 and 小巨人: 63号 through 2026-03-31, 2号 from 2026-04-01", () => {
    expect(inForceFor("srdi_sme", "2026-03-31")).toEqual(["srdi-sme-63"])
    expect(inForceFor("srdi_sme", "2026-04-01")).toEqual(["srdi-sme-2026"])
    expect(inForceFor("little_giant", "2026-03-31")).toEqual(["little-giant-63"])
    expect(inForceFor("little_giant", "2026-04-01")).toEqual(["little-giant-2026"])
  })

  it("创新型: the 63号 table on both sides of the switch", () => {
    expect(inForceFor("innovative_sme", "2026-03-31")).toEqual(["innovative-sme-63"])
    expect(inForceFor("innovative_sme", "2026-04-01")).toEqual(["innovative-sme-63"])
  })

  it("never has two rules in force for one title on the same day", () => {
    for (const date of ["2022-01-01", "2024-06-30", "2026-03-31", "2026-04-01", "2030-01-01"])
      for (const decides of ["innovative_sme", "srdi_sme", "little_giant"])
        expect(inForceFor(decides, date)).toHaveLength(1)
  })

  it("gives every threshold a value on each day its rule is in force", () => {
    for (const r of pack.rules)
      for (const date of [r.effective.from, r.effective.until ?? "2030-12-31"])
        for (const { where, parameter } of parametersOf(r))
          expect(Parameter.valueAt(parameter, date), `${where} on ${date}`).toBeTypeOf("number")
  })

  it("test cases name the rule in force on their date, and the same enterprise gets different verdicts across the switch", () => {
    for (const t of pack.tests) {
      const r = rule(t.rule ?? "")
      expect(Rule.inForce([r], t.asOf), `${t.name}: ${r.id} on ${t.asOf}`).toHaveLength(1)
    }
    const before = pack.tests.find((t) => t.asOf === "2026-03-31" && t.rule === "srdi-sme-63")
    const after = pack.tests.find((t) => t.asOf === "2026-04-01" && t.rule === "srdi-sme-2026")
    expect(before && after).toBeTruthy()
    if (before === undefined || after === undefined) return
    expect(after.enterprise).toEqual(before.enterprise)
    const [ruleBefore] = Rule.inForce(
      pack.rules.filter((r) => r.decides === "srdi_sme"),
      before.asOf,
    )
    const [ruleAfter] = Rule.inForce(
      pack.rules.filter((r) => r.decides === "srdi_sme"),
      after.asOf,
    )
    if (ruleBefore === undefined || ruleAfter === undefined) throw new Error("no srdi_sme rule in force")
    expect(Rule.evaluate(ruleBefore, before.enterprise, before.asOf).verdict).toBe("eligible")
    expect(Rule.evaluate(ruleAfter, after.enterprise, after.asOf).verdict).toBe("ineligible")
  })
})

describe("provisional values are marked where the reference marks them", () => {
  // The reference flags the band-boundary rule of the 创新型 table (63号) and all of 2号 as provisional. The boundary
  // rule decides only the thresholds shared by two printed bands ("3–5%" and "2–3%"); printed ≥, ≤, < and > do not.
  const boundaryThresholds = [
    "innovative-sme-63/rd-intensity.3",
    "innovative-sme-63/rd-intensity.2",
    "innovative-sme-63/main-growth.10",
    "innovative-sme-63/main-growth.5",
    "innovative-sme-63/main-share.60",
    "innovative-sme-63/main-share.55",
  ]

  it("marks exactly the boundary-decided thresholds of the 63号 table provisional before 2026-04-01", () => {
    const provisional = pack.rules
      .flatMap(parametersOf)
      .filter(({ parameter }) => Parameter.at(parameter, "2025-01-01")?.provisional === true)
      .map(({ where }) => where)
    expect(provisional).toEqual(boundaryThresholds)
    for (const where of boundaryThresholds) {
      const n = node("innovative-sme-63", where.split("/")[1] ?? "")
      expect(n.cite.note, where).toMatch(/provisional/)
    }
  })

  it("marks every value in force from 2026-04-01 provisional (2号, and the 63号 table it keeps)", () => {
    for (const r of pack.rules)
      for (const { where, parameter } of parametersOf(r))
        for (const v of parameter) if (v.from >= "2026-04-01") expect(v.provisional, `${where}@${v.from}`).toBe(true)
    for (const id of ["srdi-sme-2026", "little-giant-2026"])
      for (const { where, parameter } of parametersOf(rule(id)))
        expect(
          parameter.every((v) => v.provisional === true),
          where,
        ).toBe(true)
  })

  it("ends every 63号-only value on 2026-03-31", () => {
    for (const id of ["srdi-sme-63", "little-giant-63"])
      for (const { where, parameter } of parametersOf(rule(id))) {
        expect(Parameter.orderingProblems(parameter), where).toEqual([])
        expect(
          parameter.map((v) => v.until),
          where,
        ).toEqual(["2026-03-31"])
        expect(Parameter.valueAt(parameter, "2026-04-01"), where).toBeUndefined()
      }
  })
})

describe("citations", () => {
  // Every citation anywhere in the pack: rules, their nodes (points cases included), dated values and gaps.
  it("cite the reference file with a 文号 in every clause", () => {
    const cites = citations(pack)
    expect(cites.length).toBeGreaterThan(100)
    for (const { at, cite } of cites) {
      expect(cite.source, at).toBe(REFERENCE)
      expect(cite.clause, at).toMatch(/^工信部企业〔20(22〕63|26〕2)号/)
    }
  })

  it.skipIf(!haveSources)(
    "copy their text from the reference, line breaks read as spaces (skipped only where the shared sources are absent)",
    () => {
      for (const { at, cite } of citations(pack)) expect(isVerbatim(cite), `${at}: ${cite.text}`).toBe(true)
    },
  )
})

describe("gaps", () => {
  it("records what the reference leaves out instead of inventing it", () => {
    expect(pack.gaps.map((g) => [g.id, g.kind])).toEqual([
      ["63-effective-from", "missing"],
      ["pack-period-open", "missing"],
      ["63-innovative-boundaries", "ambiguous"],
      ["63-innovative-ip-main-product", "ambiguous"],
      ["2026-innovative-continuation", "ambiguous"],
      ["63-srdi-scoring-table", "missing"],
      ["63-little-giant-other-aspects", "missing"],
      ["63-little-giant-equity-period", "ambiguous"],
      ["2026-development-quality", "missing"],
      ["2026-innovative-title", "ambiguous"],
      ["2026-award-waiver-window", "ambiguous"],
      ["2026-little-giant-scope", "missing"],
    ])
  })

  it("encodes the SRDI score and 2号 development-quality scores as attestations, never as invented rows", () => {
    const c4 = node("srdi-sme-63", "c4.provincial-score")
    expect(c4.kind === "attestation" && c4.criterion).toBe("miit-63.srdi-sme.provincial-score")
    const points = pack.rules.flatMap((r) => nodesOf(r.root)).filter((n) => n.kind === "points")
    expect(points.map((n) => n.id)).toEqual([
      "ip",
      "rd-intensity",
      "main-growth",
      "debt-ratio",
      "strategic-emerging",
      "main-share",
    ])
  })
})

describe("test cases", () => {
  it("cover every rule, with at least 16 cases and every verdict", () => {
    expect(pack.tests.length).toBeGreaterThanOrEqual(16)
    expect(new Set(pack.tests.map((t) => t.rule))).toEqual(new Set(pack.rules.map((r) => r.id)))
    expect(new Set(pack.tests.map((t) => t.expect.verdict))).toEqual(
      new Set(["eligible", "ineligible", "needs_review", "insufficient_data"]),
    )
  })
})
