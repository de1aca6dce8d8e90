import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import { Award, Enterprise, Uscc } from "../src/index.js"

// Fixtures encode real clauses. Where a clause states no amount, the fixture says so; the "what-if" fixtures
// fill in amounts a district might choose, and say so in their citation note — they are not in any source.
const SEED_000 = "000_d71d90c544c9bbc9.txt"
const FIRST_RECOGNITION = {
  source: SEED_000,
  clause: "二（一）1",
  text: "对首次认定为市级“专精特新”、国家专精特新“小巨人”企业给予奖励。",
}
const NO_AMOUNT = {
  zh: "原文仅规定“给予奖励”，未载明金额。",
  en: "The plan says an award is given but states no amount.",
}
const CITY_LISTING = {
  source: "reference/national-criteria.md",
  clause: "Chongqing listing award (city level), 渝财规〔2022〕10号",
  text: "Listing on the Chongqing Equity Exchange (重庆股份转让中心) with completed share reform: 50万元.",
}

const award = (input: Schema.Schema.Encoded<typeof Award.Award>): Award.Award =>
  Schema.decodeUnknownSync(Award.Award)(input)

const tlFirstSrdi = award({
  id: "tl-first-srdi-sme",
  name: { zh: "首次认定市级“专精特新”企业奖励", en: "First recognition as a municipal SRDI enterprise" },
  trigger: { kind: "first_recognition", title: "srdi_sme", minLevel: "municipal" },
  amount: { kind: "unspecified", note: NO_AMOUNT },
  stacking: { mode: "cumulative" },
  cite: FIRST_RECOGNITION,
})
const tlFirstLittleGiant = award({
  id: "tl-first-little-giant",
  name: { zh: "首次认定国家专精特新“小巨人”企业奖励", en: "First recognition as a national little giant" },
  trigger: { kind: "first_recognition", title: "little_giant", minLevel: "national" },
  amount: { kind: "unspecified", note: NO_AMOUNT },
  stacking: { mode: "cumulative" },
  cite: FIRST_RECOGNITION,
})
const tlListingStaged = award({
  id: "tl-listing-staged",
  name: { zh: "“专精特新”企业挂牌上市分阶段奖励", en: "Staged listing award" },
  trigger: { kind: "listing_stage", stages: ["otc_cq", "neeq_basic", "bse", "star", "chinext", "main_board"] },
  amount: {
    kind: "staged",
    stages: (["otc_cq", "neeq_basic", "bse", "star", "chinext", "main_board"] as const).map((stage) => ({
      stage,
      value: [{ from: "2022-01-01", value: null }],
    })) as never,
  },
  stacking: { group: "tl-listing", mode: "cumulative" },
  cite: {
    source: SEED_000,
    clause: "二（三）7",
    text: "对“专精特新”企业在OTC、新三板改制挂牌和境内外证券交易所上市的分阶段给予奖励。",
  },
})
// 渝财规 documents are 市财政局's; the fixture names it as payer so the budget has a paying unit to total.
const cqListingStaged = award({
  id: "cq-listing-staged",
  name: { zh: "重庆市企业上市分阶段奖励（渝财规〔2022〕10号）", en: "Chongqing staged listing award" },
  trigger: { kind: "listing_stage", stages: ["otc_cq", "neeq_basic", "bse", "star", "chinext", "main_board"] },
  amount: {
    kind: "staged",
    stages: [
      { stage: "otc_cq", value: [{ from: "2022-01-01", value: 50, provisional: true }] },
      { stage: "neeq_basic", value: [{ from: "2022-01-01", value: 50, provisional: true }] },
      { stage: "bse", value: [{ from: "2022-01-01", value: null }] },
      { stage: "star", value: [{ from: "2022-01-01", value: null }] },
    ],
  },
  stacking: { group: "cq-listing", mode: "cumulative" },
  payer: "cq-czj",
  cite: CITY_LISTING,
})
const hardtechPoints = award({
  id: "hardtech-pool-bonus-points",
  name: { zh: "入库企业评审认定加3分", en: "+3 points in evaluations for pool members" },
  trigger: { kind: "pool_entry", pool: "hardtech-support" },
  amount: { kind: "points", value: [{ from: "2023-11-24", value: 3 }] },
  stacking: { mode: "cumulative" },
  cite: {
    source: "003_2e9c9c1acd6c6705.txt",
    clause: "二（六）",
    text: "入库企业申报享受上述政策的，在各种评审认定总分基础上加3分。",
  },
})

const whatIf = (id: string, title: string, minLevel: "municipal" | "national", amount: number | null, group: string) =>
  award({
    id,
    name: { zh: `首次认定奖励（假设金额）${id}`, en: `First recognition (what-if amount) ${id}` },
    trigger: { kind: "first_recognition", title, minLevel },
    amount: { kind: "fixed", value: [{ from: "2022-10-25", value: amount }] },
    stacking: { group, mode: "highest" },
    payer: "tl-czj",
    cite: {
      ...FIRST_RECOGNITION,
      note: "What-if: the amount is a district's choice for this test, not in the source.",
    },
  })

const firm = (n: number, extra: Partial<Enterprise.EnterpriseInput>): Enterprise.Enterprise =>
  Either.getOrThrow(
    Enterprise.decode({
      uscc: Uscc.fromBody(`91500151MA${String(n).padStart(7, "0")}`),
      name: `铜梁测试企业${n}`,
      region: "500151",
      ...extra,
    }),
  )

const bare = (n: number): Enterprise.Enterprise => ({
  uscc: Uscc.fromBody(`91500151MA${String(n).padStart(7, "0")}`),
  name: `铜梁测试企业${n}`,
  region: "500151",
  financials: [],
  ip: [],
  titles: [],
  listing: [],
  pools: [],
  honors: [],
  attestations: [],
})

describe("Award.entitlements", () => {
  it("gives one line per first recognition at a tier, unspecified where 二（一）1 states no amount", () => {
    const e = firm(2, {
      titles: [
        { title: "srdi_sme", level: "municipal", grantedOn: "2022-11-01", expiresOn: "2025-10-31" },
        { title: "srdi_sme", level: "municipal", grantedOn: "2025-11-01" },
        { title: "little_giant", level: "national", grantedOn: "2024-07-01" },
      ],
    })
    const lines = Award.entitlements([tlFirstSrdi, tlFirstLittleGiant], e, { asOf: "2025-12-31" })
    expect(lines.map((l) => [l.award, l.event, l.on, l.budgetYear, l.amount, l.status, l.payer])).toEqual([
      ["tl-first-srdi-sme", "first_recognition:srdi_sme", "2022-11-01", 2022, null, "unspecified", null],
      ["tl-first-little-giant", "first_recognition:little_giant", "2024-07-01", 2024, null, "unspecified", null],
    ])
    expect(lines[0]!.cite.clause).toBe("二（一）1")
    expect(Either.isRight(Schema.decodeUnknownEither(Schema.Array(Award.Entitlement))(lines))).toBe(true)
  })

  it("counts only events in the window and on or before asOf; a re-recognition is never a first", () => {
    const e = firm(3, {
      titles: [
        { title: "srdi_sme", level: "municipal", grantedOn: "2022-11-01" },
        { title: "srdi_sme", level: "municipal", grantedOn: "2025-11-01" },
        { title: "little_giant", level: "national", grantedOn: "2025-07-01" },
      ],
    })
    const awards = [tlFirstSrdi, tlFirstLittleGiant]
    expect(Award.entitlements(awards, e, { from: "2024-01-01", asOf: "2025-12-31" }).map((l) => l.award)).toEqual([
      "tl-first-little-giant",
    ])
    expect(Award.entitlements(awards, e, { asOf: "2025-06-30" }).map((l) => l.award)).toEqual(["tl-first-srdi-sme"])
    expect(Award.entitlements(awards, e, { to: "2022-10-31", asOf: "2025-12-31" })).toEqual([])
  })

  it("ignores a grant below the minimum level", () => {
    const e = firm(4, { titles: [{ title: "srdi_sme", level: "district", grantedOn: "2023-03-01" }] })
    expect(Award.entitlements([tlFirstSrdi], e, { asOf: "2025-12-31" })).toEqual([])
  })

  it("pays 渝财规〔2022〕10号 per stage reached: OTC 50万元, NEEQ basic 50万元, later stages unspecified", () => {
    const e = firm(6, {
      listing: [
        { stage: "share_reform", reachedOn: "2022-09-01" },
        { stage: "otc_cq", reachedOn: "2022-12-01" },
        { stage: "neeq_basic", reachedOn: "2023-09-01" },
        { stage: "bse", reachedOn: "2025-03-01" },
        // The same stage twice in the data is one event: no double-dipping.
        { stage: "otc_cq", reachedOn: "2023-01-15" },
      ],
    })
    const lines = Award.entitlements([cqListingStaged, tlListingStaged], e, { asOf: "2025-06-30" })
    expect(lines.map((l) => [l.award, l.event, l.on, l.amount, l.unit, l.status])).toEqual([
      ["cq-listing-staged", "listing_stage:otc_cq", "2022-12-01", 50, "wan_yuan", "due"],
      ["tl-listing-staged", "listing_stage:otc_cq", "2022-12-01", null, "wan_yuan", "unspecified"],
      ["cq-listing-staged", "listing_stage:neeq_basic", "2023-09-01", 50, "wan_yuan", "due"],
      ["tl-listing-staged", "listing_stage:neeq_basic", "2023-09-01", null, "wan_yuan", "unspecified"],
      ["cq-listing-staged", "listing_stage:bse", "2025-03-01", null, "wan_yuan", "unspecified"],
      ["tl-listing-staged", "listing_stage:bse", "2025-03-01", null, "wan_yuan", "unspecified"],
    ])
    // The same award listed twice (two pack layers) still gives one line per event.
    expect(Award.entitlements([cqListingStaged, cqListingStaged], e, { asOf: "2025-06-30" })).toHaveLength(3)
  })

  it("gives the hard-tech pool's +3 points on pool entry, only once 二（六） is in force", () => {
    const e = firm(7, {
      pools: [
        { pool: "hardtech-support", enteredOn: "2023-06-01", exitedOn: "2023-12-31" },
        { pool: "hardtech-support", enteredOn: "2024-05-01" },
      ],
    })
    const lines = Award.entitlements([hardtechPoints], e, { asOf: "2024-06-30" })
    expect(lines.map((l) => [l.on, l.amount, l.unit, l.status])).toEqual([
      ["2023-06-01", null, "points", "unspecified"],
      ["2024-05-01", 3, "points", "due"],
    ])
    expect(Award.describe(lines[1]!, "en", hardtechPoints)).toContain("+3 points")
    expect(Award.describe(lines[1]!, "zh", hardtechPoints)).toContain("加3分")
  })

  it("keeps only the highest line of a 就高不重复 group (what-if amounts)", () => {
    const srdi = whatIf("tl-first-srdi-whatif", "srdi_sme", "municipal", 20, "tl-first")
    const giant = whatIf("tl-first-giant-whatif", "little_giant", "national", 50, "tl-first")
    const e = firm(3, {
      titles: [
        { title: "srdi_sme", level: "municipal", grantedOn: "2022-12-01" },
        { title: "little_giant", level: "national", grantedOn: "2024-07-01" },
      ],
    })
    expect(Award.entitlements([srdi, giant], e, { asOf: "2024-12-31" }).map((l) => [l.award, l.status])).toEqual([
      ["tl-first-srdi-whatif", "superseded"],
      ["tl-first-giant-whatif", "due"],
    ])
    const tie = whatIf("tl-first-giant-tie", "little_giant", "national", 20, "tl-first")
    expect(Award.entitlements([tie, srdi], e, { asOf: "2024-12-31" }).map((l) => [l.award, l.status])).toEqual([
      ["tl-first-srdi-whatif", "due"],
      ["tl-first-giant-tie", "superseded"],
    ])
    const open = whatIf("tl-first-giant-open", "little_giant", "national", null, "tl-first")
    expect(Award.entitlements([srdi, open], e, { asOf: "2024-12-31" }).map((l) => [l.award, l.status])).toEqual([
      ["tl-first-srdi-whatif", "due"],
      ["tl-first-giant-open", "unspecified"],
    ])
    // Cumulative: both due.
    const cumulative = [srdi, giant].map((a) => ({ ...a, stacking: { mode: "cumulative" as const } }))
    expect(Award.entitlements(cumulative, e, { asOf: "2024-12-31" }).map((l) => l.status)).toEqual(["due", "due"])
  })

  it("pays a share of a base indicator on the event date, capped (what-if 研发准备金补助)", () => {
    const share = award({
      id: "rd-reserve-whatif",
      name: { zh: "研发准备金补助（假设）", en: "R&D reserve subsidy (what-if)" },
      trigger: { kind: "first_recognition", title: "srdi_sme", minLevel: "municipal" },
      amount: {
        kind: "share",
        base: { id: "rdExpense" },
        rate: [{ from: "2020-06-15", value: 10 }],
        cap: [{ from: "2020-06-15", value: 50 }],
      },
      stacking: { mode: "cumulative" },
      payer: "cq-czj",
      cite: {
        source: "002_6126cfabff4c1b28.txt",
        clause: "（二）",
        text: "加大研发准备金补助、重大新产品奖励等政策对“专精特新”企业的支持力度",
        note: "What-if: 10% of the prior year's R&D expense capped at 50万元 is a test assumption, not in the source.",
      },
    })
    const titles = [{ title: "srdi_sme", level: "municipal" as const, grantedOn: "2023-07-15" }]
    const small = firm(10, { titles, financials: [{ year: 2022, rdExpense: 321.5 }] })
    const large = firm(11, { titles, financials: [{ year: 2022, rdExpense: 800 }] })
    const unknown = firm(12, { titles, financials: [{ year: 2023, rdExpense: 800 }] })
    const at = (e: Enterprise.Enterprise) => Award.entitlements([share], e, { asOf: "2023-12-31" })[0]!
    expect([at(small).amount, at(large).amount, at(unknown).amount]).toEqual([32.15, 50, null])
    expect(at(unknown).status).toBe("unspecified")
  })
})

describe("Award.describe", () => {
  it("writes a sentence citing the clause and paying unit, in Chinese and English", () => {
    const e = firm(5, {
      titles: [{ title: "srdi_sme", level: "municipal", grantedOn: "2023-07-15" }],
      listing: [{ stage: "otc_cq", reachedOn: "2023-05-10" }],
    })
    const [otc, first] = Award.entitlements([tlFirstSrdi, cqListingStaged], e, { asOf: "2023-12-31" })
    expect(Award.describe(otc!, "zh", cqListingStaged)).toBe(
      "2023-05-10 重庆股份转让中心挂牌：重庆市企业上市分阶段奖励（渝财规〔2022〕10号），50万元，应予发放。" +
        "依据：reference/national-criteria.md §Chongqing listing award (city level), 渝财规〔2022〕10号；支付单位：cq-czj。",
    )
    expect(Award.describe(otc!, "en")).toContain("CNY 500,000, due")
    expect(Award.describe(first!, "zh")).toBe(
      `2023-07-15 首次认定为专精特新中小企业：tl-first-srdi-sme，金额未定（原文未载明，待确定），待定金额后发放。依据：${SEED_000} §二（一）1；支付单位：未载明。`,
    )
  })
})

describe("Award.budget", () => {
  it("totals money per payer and budget year over 100,000 enterprises, points and unknown amounts apart", () => {
    const population: Array<Enterprise.Enterprise> = []
    for (let i = 0; i < 100_000; i++) {
      const listing =
        i % 10 === 0
          ? [
              { stage: "otc_cq" as const, reachedOn: i % 20 === 0 ? "2023-05-10" : "2024-05-10" },
              ...(i % 40 === 0 ? [{ stage: "neeq_basic" as const, reachedOn: "2024-09-01" }] : []),
            ]
          : []
      const pools = i % 7 === 0 ? [{ pool: "hardtech-support", enteredOn: "2024-05-01" }] : []
      const titles = i % 5 === 0 ? [{ title: "srdi_sme", level: "municipal" as const, grantedOn: "2024-06-01" }] : []
      // Built directly rather than decoded: the test times the budget, not 100,000 decodes.
      population.push({ ...bare(i), listing, pools, titles })
    }
    const awards = [tlFirstSrdi, cqListingStaged, hardtechPoints]
    const started = performance.now()
    const result = Award.budget(awards, population, { asOf: "2024-12-31" })
    const elapsed = performance.now() - started
    // 10,000 OTC listings (5,000 in 2023, 5,000 in 2024) and 2,500 NEEQ listings in 2024, 50万元 each.
    expect(result.totals).toEqual([
      { payer: "cq-czj", budgetYear: 2023, amount: 250_000, lines: 5000 },
      { payer: "cq-czj", budgetYear: 2024, amount: 375_000, lines: 7500 },
    ])
    // 20,000 first recognitions with no amount; 14,286 pool entries of +3 points.
    expect(result.unspecified).toBe(20_000)
    expect(result.lines).toBe(12_500 + 20_000 + 14_286)
    expect(result.byAward.find((t) => t.award === "hardtech-pool-bonus-points")).toMatchObject({
      due: 14_286,
      points: 42_858,
      amount: 0,
    })
    expect(result.byAward.find((t) => t.award === "cq-listing-staged")).toMatchObject({
      enterprises: 10_000,
      amount: 625_000,
    })
    expect(elapsed).toBeLessThan(5_000)

    const only2024 = Award.budget(awards, population, { year: 2024, asOf: "2024-12-31" })
    expect(only2024.totals).toEqual([{ payer: "cq-czj", budgetYear: 2024, amount: 375_000, lines: 7500 }])
  }, 60_000)
})
