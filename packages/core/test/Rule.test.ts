import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc, Schema } from "effect"
import { Enterprise, Rule, Synthetic } from "../src/index.js"
import { enterprise } from "./fixtures/enterprise-arbitrary.js"
import { attested, firm, hardTechCandidate, hardTechInput, withYear } from "./fixtures/firms.js"
import { hardTechPool, hardTechPoolInput } from "./fixtures/hard-tech-003.js"
import { innovativeSme } from "./fixtures/innovative-sme-63.js"

const asOf = "2025-06-30"
const hardTech = Rule.compile(hardTechPool, { asOf })
const innovative = Rule.compile(innovativeSme, { asOf })
const node = (e: Rule.Evaluation, id: string) => e.trace.find((t) => t.id === id)!

describe("seed 003 二（一）: the six screening criteria of the hard-tech pool", () => {
  it("admits a firm meeting all six, one trace node per criterion citing its clause", () => {
    const ev = hardTech.evaluate(hardTechCandidate)
    expect(ev.verdict).toBe("eligible")
    expect(hardTech.verdict(hardTechCandidate)).toBe("eligible")
    expect(ev.trace.map((t) => [t.id, t.outcome, t.cite.clause])).toEqual([
      ["screening", "pass", "二（一）"],
      ["revenue", "pass", "二（一）1"],
      ["hard-tech", "pass", "二（一）2"],
      ["tech-center", "pass", "二（一）3"],
      ["rd-intensity", "pass", "二（一）4"],
      ["ip-main-product", "pass", "二（一）5"],
      ["supply-chain", "pass", "二（一）6"],
    ])
    expect(node(ev, "rd-intensity")).toMatchObject({ value: [6], threshold: 5, op: ">=", depth: 1 })
    expect(ev.missing).toEqual([])
    expect(ev.reasons.zh).toContain("上年度研发投入强度为6%，满足不低于5%的要求（二（一）4）")
  })

  it("二（一）4: R&D intensity 4.2% fails with the reason in Chinese and English", () => {
    const e = withYear(2024, { rdExpense: 336 })
    const ev = hardTech.evaluate(e)
    expect(ev.verdict).toBe("ineligible")
    expect(ev.reasons.zh).toEqual(["上年度研发投入强度为4.2%，低于5%的要求（二（一）4）"])
    expect(ev.reasons.en).toEqual(["R&D intensity last year was 4.2%, below the required 5% (clause 二（一）4)"])
    expect(ev.distance).toBeCloseTo(0.16, 10)
    expect(ev.nearMiss).toBe(false)
  })

  it("二（一）4: exactly 5% passes; 4.8% fails as a near miss", () => {
    expect(hardTech.verdict(withYear(2024, { rdExpense: 400 }))).toBe("eligible")
    const near = hardTech.evaluate(withYear(2024, { rdExpense: 384 }))
    expect(near.verdict).toBe("ineligible")
    expect(near.distance).toBeCloseTo(0.04, 10)
    expect(near.nearMiss).toBe(true)
  })

  it("二（一）1 is 原则上: revenue above 1亿元 sends the case to review, never fails it", () => {
    const e = withYear(2024, { revenue: 12000, rdExpense: 720 })
    const ev = hardTech.evaluate(e)
    expect(ev.verdict).toBe("needs_review")
    expect(node(ev, "revenue")).toMatchObject({ outcome: "review", soft: true, value: [12000], distance: 0.2 })
    expect(ev.reasons.zh[0]).toBe(
      "上年度营业收入为12,000万元，超过10,000万元的上限；该项为“原则上”要求，不作否决，转人工复核（二（一）1）",
    )
    expect(ev.reasons.en[0]).toContain("in-principle (原则上) criterion")
  })

  it("二（一）2 and 6 need an attestation: none on record → needs_review naming the question", () => {
    const e = firm({ ...hardTechInput, attestations: [attested("hard_tech_core_technology", true)] })
    const ev = hardTech.evaluate(e)
    expect(ev.verdict).toBe("needs_review")
    expect(ev.reasons.zh).toEqual([
      "需人工核实（尚无认定）：主导产品是否在产业链关键环节及关键领域“补短板”“锻长板”“填空白”取得实际成效（二（一）6）",
    ])
    const refused = firm({
      ...hardTechInput,
      attestations: [attested("supply_chain_key_results", false), attested("hard_tech_core_technology", true)],
    })
    expect(hardTech.verdict(refused)).toBe("ineligible")
    // An attestation dated after the evaluation date does not count yet.
    const later = firm({
      ...hardTechInput,
      attestations: [
        attested("hard_tech_core_technology", true),
        attested("supply_chain_key_results", true, "2025-07-01"),
      ],
    })
    expect(hardTech.verdict(later)).toBe("needs_review")
  })

  it("二（一）3: a district-level tech centre does not meet 市级; an expired-by-revocation one neither", () => {
    const district = firm({
      ...hardTechInput,
      titles: [{ title: "municipal_tech_center", level: "district", grantedOn: "2021-09-01" }],
    })
    const ev = hardTech.evaluate(district)
    expect(ev.verdict).toBe("ineligible")
    expect(ev.reasons.zh).toEqual(["不具备条件：市级及以上企业技术中心或技术创新示范企业（二（一）3）"])
    const revoked = firm({
      ...hardTechInput,
      titles: [{ title: "tech_innovation_demo", level: "municipal", grantedOn: "2021-09-01", revokedOn: "2025-01-01" }],
    })
    expect(hardTech.verdict(revoked)).toBe("ineligible")
  })

  it("a missing input gives insufficient_data and names the field", () => {
    const e = withYear(2024, { rdExpense: undefined })
    const ev = hardTech.evaluate(e)
    expect(ev.verdict).toBe("insufficient_data")
    expect(ev.missing).toEqual(["financials[2024].rdExpense"])
    expect(ev.reasons.zh).toEqual(["上年度研发投入强度无法判断，缺少数据：financials[2024].rdExpense（二（一）4）"])
    expect(ev.reasons.en[0]).toContain("Missing input: financials[2024].rdExpense")
  })

  it("a failing criterion outweighs a missing one (all: fail > unknown)", () => {
    const e = firm({ ...hardTechInput, ip: [], financials: [{ year: 2024, revenue: 8000, rdExpense: 80 }] })
    const ev = hardTech.evaluate(e)
    expect(ev.verdict).toBe("ineligible")
    expect(ev.missing).toEqual(["ip"])
  })

  it("applies only in force: parameters resolved at the evaluation date, never thrown on", () => {
    expect(Rule.inForce([hardTechPool], "2023-11-23")).toEqual([])
    expect(Rule.inForce([hardTechPool], "2027-12-31")).toEqual([hardTechPool])
    const early = Rule.compile(hardTechPool, { asOf: "2023-06-30" }).evaluate(hardTechCandidate)
    expect(early.verdict).toBe("insufficient_data")
    expect(early.missing).toContain("parameter:rd-intensity")
  })

  it("evaluate is the convenience form of compile + evaluate", () => {
    expect(Rule.evaluate(hardTechPool, hardTechCandidate, asOf)).toEqual(hardTech.evaluate(hardTechCandidate))
  })
})

describe("MIIT 63号 创新型中小企业: points table with group minimums, or one direct condition", () => {
  const table = {
    ...hardTechInput,
    // Three years of (zero) new equity so the direct condition 4 is decided, not unknown.
    financials: [
      { year: 2022, revenue: 5000, newEquity: 0 },
      ...hardTechInput.financials.map((f) => ({ ...f, newEquity: 0 })),
    ],
    titles: [],
    ip: [{ asOf: "2024-12-31", classI: 2, classII: 3, classIHighValue: 0, classISelfDeveloped: 1 }],
  }

  it("scores the six rows: 15 + 20 | 20 + 10 | 10 + 20 = 95", () => {
    const ev = innovative.evaluate(firm(table))
    expect(ev.verdict).toBe("eligible")
    expect(ev.score).toBe(95)
    expect(ev.groups).toEqual({ innovation: 35, growth: 30, specialisation: 30 })
    expect(node(ev, "ip").points).toBe(15)
  })

  it("R&D intensity exactly 5% scores 20 (a boundary value scores the higher band)", () => {
    const ev = innovative.evaluate(
      firm({
        ...table,
        financials: [table.financials[0]!, table.financials[1]!, { ...table.financials[2]!, rdExpense: 400 }],
      }),
    )
    expect(node(ev, "rd-intensity")).toMatchObject({ value: 5, points: 20 })
  })

  it("fails a group minimum even with a total ≥ 60", () => {
    const weakInnovation = firm({
      ...table,
      ip: [{ asOf: "2024-12-31", classI: 0, classII: 0, classIHighValue: 0, classISelfDeveloped: 0 }],
      financials: [table.financials[0]!, table.financials[1]!, { ...table.financials[2]!, rdExpense: 200 }],
    })
    const ev = innovative.evaluate(weakInnovation)
    expect(ev.score).toBe(70)
    expect(ev.groups?.innovation).toBe(10)
    expect(ev.verdict).toBe("ineligible")
    expect(ev.distance).toBeCloseTo(0.5, 10)
    expect(ev.reasons.zh[0]).toBe(
      "评分得分70分，达到60分的要求；创新能力得分10分，低于20分的要求（工信部企业〔2022〕63号 附件1 评分表）",
    )
  })

  it("qualifies through a direct condition (a valid 高新技术企业 title) whatever the score", () => {
    const lowRd = [table.financials[0]!, table.financials[1]!, { ...table.financials[2]!, rdExpense: 40 }]
    const hnte = [{ title: "hnte", level: "national", grantedOn: "2023-10-01" }] as const
    expect(innovative.verdict(firm({ ...table, financials: lowRd }))).toBe("ineligible")
    const ev = innovative.evaluate(firm({ ...table, financials: lowRd, titles: hnte }))
    expect(ev.verdict).toBe("eligible")
    expect(node(ev, "score").outcome).toBe("fail")
    expect(ev.reasons.en).toEqual([
      "Meets: high-tech enterprise (HNTE) or national technology innovation demonstration enterprise or IP advantage enterprise or IP demonstration enterprise (hnte) (clause 工信部企业〔2022〕63号 附件1 直通条件2)",
    ])
  })

  it("with unknown rows, decides on the best case: cannot reach 60 even at their maximum → fail", () => {
    const poor = firm({
      strategicEmerging: false,
      financials: [{ year: 2024, revenue: 1000, mainBusinessRevenue: 400 }],
    })
    const ev = innovative.evaluate(poor)
    expect(ev.verdict).toBe("insufficient_data")
    const score = node(ev, "score")
    expect(score.outcome).toBe("fail")
    expect(score.value).toBe(5)
    // The direct conditions lack new-equity figures, so the whole rule cannot be decided.
    expect(ev.missing).toEqual(
      expect.arrayContaining([
        "ip",
        "financials[2024].rdExpense",
        "financials[2023].mainBusinessRevenue",
        "financials[2022].newEquity",
      ]),
    )
  })
})

describe("node kinds over several years, bands, counts and negation", () => {
  const cite = {
    source: "reference/national-criteria.md",
    clause: "工信部企业〔2022〕63号 小巨人 新",
    text: "R&D intensity by revenue band",
  }
  const p = (value: number) => [{ from: "2022-01-01", value }] as const
  const littleGiantNew = Schema.decodeUnknownSync(Rule.Rule)({
    id: "little-giant-new",
    name: { zh: "小巨人“新”", en: "little giant: innovation" },
    effective: { from: "2022-01-01" },
    cite,
    root: {
      kind: "switch",
      id: "by-revenue",
      cite,
      on: { id: "revenue" },
      cases: [
        {
          min: 10000,
          rule: {
            kind: "compare",
            id: "rd-3",
            cite,
            indicator: { id: "rdIntensity", span: 2 },
            op: ">=",
            threshold: p(3),
          },
        },
        {
          min: 5000,
          max: 10000,
          rule: {
            kind: "compare",
            id: "rd-6",
            cite,
            indicator: { id: "rdIntensity", span: 2, aggregate: "each" },
            op: ">=",
            threshold: p(6),
          },
        },
        {
          max: 5000,
          rule: {
            kind: "all",
            id: "small",
            cite,
            of: [
              {
                kind: "compare",
                id: "equity",
                cite,
                indicator: { id: "newEquity", span: 2, aggregate: "sum" },
                op: ">=",
                threshold: p(8000),
              },
              {
                kind: "compare",
                id: "rd-sum",
                cite,
                indicator: { id: "rdExpense", span: 2, aggregate: "sum" },
                op: ">=",
                threshold: p(3000),
              },
              {
                kind: "not",
                id: "no-low-staff",
                cite,
                of: {
                  kind: "compare",
                  id: "staff",
                  cite,
                  indicator: { id: "rdStaffShare" },
                  op: "<",
                  threshold: p(50),
                },
              },
            ],
          },
        },
      ],
    },
  })
  const compiled = Rule.compile(littleGiantNew, { asOf })

  it("picks the revenue band, then requires ≥ 6% in EACH of the last two years", () => {
    // 2023: 360/6500 = 5.54% fails although 2024 is 6%.
    const ev = compiled.evaluate(hardTechCandidate)
    expect(ev.verdict).toBe("ineligible")
    const rd = node(ev, "rd-6")
    expect(rd.value).toEqual([5.538461538, 6])
    expect(rd.distance).toBeCloseTo((6 - 5.538461538) / 6, 8)
    const both = firm({
      ...hardTechInput,
      financials: [{ ...hardTechInput.financials[0]!, rdExpense: 390 }, hardTechInput.financials[1]!],
    })
    expect(compiled.verdict(both)).toBe("eligible")
  })

  it("sums two years and negates a child (not: R&D staff below 50%)", () => {
    const small = firm({
      financials: [
        { year: 2023, revenue: 3000, rdExpense: 1500, newEquity: 5000, employees: 100, rdEmployees: 55 },
        { year: 2024, revenue: 4000, rdExpense: 1500, newEquity: 3000, employees: 100, rdEmployees: 55 },
      ],
    })
    expect(compiled.verdict(small)).toBe("eligible")
    const lowStaff = firm({ financials: [small.financials[0]!, { ...small.financials[1]!, rdEmployees: 40 }] })
    const ev = compiled.evaluate(lowStaff)
    expect(ev.verdict).toBe("ineligible")
    expect(node(ev, "staff").outcome).toBe("pass")
    expect(node(ev, "no-low-staff").outcome).toBe("fail")
  })

  it("a missing band value is unknown", () => {
    const ev = compiled.evaluate(firm({}))
    expect(ev.verdict).toBe("insufficient_data")
    expect(ev.missing).toEqual(["financials[2024].revenue"])
  })

  it("atLeast counts passes and distinguishes review from unknown", () => {
    const atLeast = (of: ReadonlyArray<unknown>) =>
      Rule.compile(
        Schema.decodeUnknownSync(Rule.Rule)({
          id: "two-of",
          name: { zh: "至少两项", en: "two of" },
          effective: { from: "2022-01-01" },
          cite,
          root: { kind: "atLeast", id: "two", min: 2, cite, of },
        }),
        { asOf },
      )
    const rd = { kind: "compare", id: "rd", cite, indicator: { id: "rdIntensity" }, op: ">=", threshold: p(5) }
    const eq = { kind: "compare", id: "eq", cite, indicator: { id: "newEquity" }, op: ">=", threshold: p(1) }
    const att = {
      kind: "attestation",
      id: "att",
      cite,
      criterion: "brand",
      question: { zh: "是否拥有自主品牌", en: "own brand?" },
    }
    expect(atLeast([rd, att]).verdict(hardTechCandidate)).toBe("needs_review")
    expect(atLeast([rd, eq]).verdict(hardTechCandidate)).toBe("insufficient_data")
    expect(atLeast([rd, eq, att]).verdict(withYear(2024, { rdExpense: 10 }))).toBe("insufficient_data")
    expect(atLeast([rd, att]).verdict(withYear(2024, { rdExpense: 10 }))).toBe("ineligible")
  })
})

describe("compiled rules on populations", () => {
  const population = Synthetic.population({ seed: 11, size: 2000 })

  it("verdict mode and trace mode always agree", () => {
    for (const c of [hardTech, innovative]) for (const e of population) expect(c.verdict(e)).toBe(c.evaluate(e).verdict)
  })

  it("screen counts every verdict", () => {
    const counts = Rule.screen(hardTech, population)
    expect(counts.eligible + counts.ineligible + counts.needs_review + counts.insufficient_data).toBe(2000)
    expect(counts.ineligible).toBeGreaterThan(counts.eligible)
  })
})

describe("properties", () => {
  const verdicts = ["eligible", "ineligible", "needs_review", "insufficient_data"]

  it("evaluation never throws on a decodable enterprise and verdicts agree", () => {
    fc.assert(
      fc.property(enterprise, (e) => {
        for (const c of [hardTech, innovative]) {
          const ev = c.evaluate(e)
          expect(verdicts).toContain(ev.verdict)
          expect(c.verdict(e)).toBe(ev.verdict)
          Schema.encodeSync(Rule.Evaluation)(ev)
        }
      }),
      { numRuns: 300 },
    )
  })

  it("Enterprise and Rule survive an encode/decode round trip", () => {
    fc.assert(
      fc.property(enterprise, (e) => {
        const back = Schema.decodeUnknownSync(Enterprise.Enterprise)(Schema.encodeSync(Enterprise.Enterprise)(e))
        expect(back).toEqual(e)
      }),
      { numRuns: 200 },
    )
    for (const rule of [hardTechPool, innovativeSme]) {
      const encoded = Schema.encodeSync(Rule.Rule)(rule)
      expect(Schema.decodeUnknownSync(Rule.Rule)(encoded)).toEqual(rule)
    }
    expect(Schema.encodeSync(Rule.Rule)(hardTechPool)).toEqual(hardTechPoolInput)
  })

  it("more R&D spend never turns an R&D intensity criterion from pass to fail", () => {
    const rd = Rule.compile(
      { ...hardTechPool, root: hardTechPool.root.kind === "all" ? hardTechPool.root.of[3]! : hardTechPool.root },
      { asOf },
    )
    fc.assert(
      fc.property(enterprise, fc.double({ min: 0, max: 1e6, noNaN: true }), (drawn, extra) => {
        // Revenue is an amount received: the ratio is only monotone in R&D spend over a positive revenue.
        const e = {
          ...drawn,
          financials: drawn.financials.map((f) =>
            f.revenue === undefined ? f : { ...f, revenue: Math.abs(f.revenue) },
          ),
        }
        const before = rd.verdict(e)
        const richer = {
          ...e,
          financials: e.financials.map((f) =>
            f.rdExpense === undefined ? f : { ...f, rdExpense: f.rdExpense + extra },
          ),
        }
        if (before === "eligible") expect(rd.verdict(richer)).toBe("eligible")
      }),
      { numRuns: 500 },
    )
  })
})
