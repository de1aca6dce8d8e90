import { describe, expect, it } from "@effect/vitest"
// Effect's FastCheck (fast-check 3) so the schema-derived Arbitrary and the hand-written ones combine.
import { Arbitrary, Either, FastCheck as fc } from "effect"
import { Enterprise, Roster, Title, Uscc } from "../src/index.js"

// A Tongliang (500151) enterprise, the district of seed 000; figures sit at the municipal SRDI thresholds
// (national-criteria.md: revenue ≥ 1500万元, R&D ≥ 100万元 and ≥ 3% of revenue).
const USCC = Uscc.fromBody("91500151MA5U7AQX3")
const OTHER = Uscc.fromBody("91500240MA61K2B91")

const zhRow = (overrides: Record<string, string | number>) => ({
  统一社会信用代码: USCC,
  企业名称: "重庆某某精密机械有限公司",
  行政区划代码: "500151",
  年度: 2024,
  ...overrides,
})

describe("Roster.COLUMNS", () => {
  it("names every column in Chinese and English, money in 万元", () => {
    expect(Roster.COLUMNS.map((c) => c.id)).toEqual([...Roster.COLUMN_IDS])
    const revenue = Roster.COLUMNS.find((c) => c.id === "revenue")!
    expect(revenue).toMatchObject({ zh: "营业收入（万元）", en: "revenue", kind: "number" })
    expect(Roster.COLUMNS.find((c) => c.id === "ipClassI")!.zh).toBe("Ⅰ类知识产权")
  })
})

describe("Roster.COLUMNS examples", () => {
  it("read back without errors when written as one row", () => {
    const row = Object.fromEntries(Roster.COLUMNS.map((c) => [c.zh, c.example]))
    const { enterprises, errors } = Roster.fromRows([row])
    expect(errors).toEqual([])
    expect(enterprises[0]!.financials).toEqual([
      {
        year: 2024,
        revenue: 5200,
        mainBusinessRevenue: 4900,
        rdExpense: 310,
        netProfit: 420,
        totalAssets: 8000,
        totalLiabilities: 3600,
        employees: 120,
        rdEmployees: 26,
        newEquity: 0,
        nicheMarketShare: 12,
      },
    ])
  })
})

describe("Roster.fromRows", () => {
  it("reads Chinese headers written loosely: half-width brackets, spaces, no unit, Latin I for Ⅰ", () => {
    const { enterprises, errors, unknownColumns } = Roster.fromRows([
      {
        " 统一社会信用代码 ": USCC.toLowerCase(),
        企业名称: "重庆某某精密机械有限公司",
        行政区划代码: 500151,
        年度: "2024",
        "营业收入(万元)": "1,500",
        研发费用: "100",
        "从业人员（人）": "86",
        I类知识产权: "1",
        Ⅱ类知识产权: "0",
        称号: "srdi_sme:municipal@2023/6/1；hnte@2022年11月30日",
        备注: "客户经理：张三",
      },
    ])
    expect(errors).toEqual([])
    expect(unknownColumns).toEqual(["备注"])
    const e = enterprises[0]!
    expect(e.uscc).toBe(USCC)
    expect(e.region).toBe("500151")
    expect(e.financials).toEqual([{ year: 2024, revenue: 1500, rdExpense: 100, employees: 86 }])
    expect(e.ip).toEqual([{ asOf: "2024-12-31", classI: 1, classII: 0 }])
    expect(e.titles).toEqual([
      { title: "srdi_sme", level: "municipal", grantedOn: "2023-06-01" },
      { title: "hnte", grantedOn: "2022-11-30" },
    ])
  })

  it("treats an empty cell as missing, never as zero", () => {
    const { enterprises } = Roster.fromRows([
      zhRow({ "营业收入（万元）": "", "研发费用（万元）": " ", "净利润（万元）": "-35.5" }),
    ])
    expect(enterprises[0]!.financials).toEqual([{ year: 2024, netProfit: -35.5 }])
  })

  it("merges the rows of one USCC into one enterprise with a financial year per row", () => {
    const { enterprises, errors, filledRows, firstRows } = Roster.fromRows([
      zhRow({ 年度: 2024, "营业收入（万元）": 1650, 上市阶段: "share_reform@2023-12-01;otc_cq@2024-05-01" }),
      { uscc: ` ${OTHER.toLowerCase()}`, name: "石柱某某食品有限公司", region: "500240" },
      { uscc: "", name: " " },
      zhRow({ 年度: 2023, "营业收入（万元）": 1480, 上市阶段: "otc_cq@2024-05-01" }),
    ])
    expect(errors).toEqual([])
    // Where each USCC first appears (as normalised), and how many rows held anything: the blank one is skipped.
    expect([...firstRows]).toEqual([
      [USCC, 2],
      [OTHER, 3],
    ])
    expect(filledRows).toBe(3)
    expect(enterprises.map((e) => e.uscc)).toEqual([USCC, OTHER])
    expect(enterprises[0]!.financials.map((f) => [f.year, f.revenue])).toEqual([
      [2023, 1480],
      [2024, 1650],
    ])
    // The same listing event written on two rows counts once.
    expect(enterprises[0]!.listing.map((l) => l.stage)).toEqual(["share_reform", "otc_cq"])
    expect(enterprises[1]!.financials).toEqual([])
  })

  it("screens good rows and reports each bad row with its spreadsheet row, column and reason", () => {
    const { enterprises, errors } = Roster.fromRows(
      [
        { uscc: OTHER, name: "石柱某某食品有限公司", region: "500240", year: 2024, revenue: "1,234.5" },
        zhRow({ "营业收入（万元）": "一千五" }),
        zhRow({ 年度: 2023, "营业收入（万元）": 1400 }),
        { uscc: "", name: "无代码企业", region: "500151" },
        {},
      ],
      { firstRow: 2 },
    )
    expect(enterprises.map((e) => [e.uscc, e.financials[0]?.revenue])).toEqual([[OTHER, 1234.5]])
    expect(errors).toEqual([
      {
        row: 3,
        column: "营业收入（万元）",
        uscc: USCC,
        message: {
          zh: "“一千五”不是数字（如 1234.5 或 1,234.5）",
          en: '"一千五" is not a number (write 1234.5 or 1,234.5)',
        },
      },
      {
        row: 4,
        column: "统一社会信用代码",
        uscc: USCC,
        message: {
          zh: "同一企业的第3行有错误，该企业整体未导入",
          en: "not imported: row 3 of the same enterprise has an error",
        },
      },
      { row: 5, column: "uscc", message: { zh: "统一社会信用代码为空", en: "the USCC is empty" } },
    ])
  })

  it("maps decode issues back to the row and column they came from", () => {
    const bad = Uscc.fromBody("91500151MA5U7AQX4").slice(0, 17) + "0"
    const { enterprises, errors } = Roster.fromRows([
      { uscc: bad, name: "校验码错误的企业", region: "500151" },
      zhRow({ 年度: 2023, 从业人员: -3 }),
      zhRow({ 行政区划代码: "5001", 称号: "srdi_sme@2023-06-01;Little-Giant@2024-07-01" }),
    ])
    expect(enterprises).toEqual([])
    const at = errors.map((e) => [e.row, e.column])
    expect(at).toContainEqual([2, "uscc"])
    expect(errors.find((e) => e.row === 2)!.message.zh).toContain("校验码错误")
    expect(errors.find((e) => e.row === 2)!.message.en).toContain("wrong check character")
    expect(at).toContainEqual([3, "从业人员"])
    // Region on row 4 disagrees with row 3's; the title slug is checked by the schema and pointed to its cell.
    expect(at).toContainEqual([4, "行政区划代码"])
    expect(errors.find((e) => e.row === 4 && e.column === "称号")!.message.en).toContain("lower-case slug")
  })

  it("reports a schema check once, on its own cell", () => {
    const { errors } = Roster.fromRows([{ uscc: USCC, year: 2024, ipClassI: -1, ipClassII: 2, nicheMarketShare: 120 }])
    expect(errors.map((e) => [e.row, e.column, e.message.en])).toEqual([
      [2, "企业名称", "is missing"],
      [2, "行政区划代码", "is missing"],
      [2, "nicheMarketShare", "Expected a number between 0 and 100, actual 120"],
      [2, "ipClassI", "Expected a non-negative number, actual -1"],
    ])
  })

  it("rejects conflicting profile values and a year given twice", () => {
    const { enterprises, errors } = Roster.fromRows([
      zhRow({ 企业名称: "甲公司" }),
      zhRow({ 企业名称: "乙公司", 年度: 2023 }),
      zhRow({ 年度: 2023 }),
    ])
    expect(enterprises).toEqual([])
    expect(errors.filter((e) => e.column !== "统一社会信用代码").map((e) => [e.row, e.column, e.message.en])).toEqual([
      [3, "企业名称", 'disagrees with "甲公司" on row 2 (rows of one enterprise must agree on its profile)'],
      [4, "企业名称", 'disagrees with "甲公司" on row 2 (rows of one enterprise must agree on its profile)'],
      [4, "年度", "year 2023 already appears on row 3 (one row per enterprise and year)"],
    ])
  })

  it("needs a year for figures and both IP classes together", () => {
    const { errors } = Roster.fromRows([
      { uscc: USCC, name: "某公司", region: "500151", revenue: 100 },
      { uscc: OTHER, name: "某公司", region: "500240", year: 2024, ipClassI: 2 },
    ])
    expect(errors.map((e) => [e.row, e.column, e.message.zh])).toEqual([
      [2, "revenue", "填写了财务或知识产权数据但“年度”为空"],
      [3, "Ⅱ类知识产权", "填写知识产权时Ⅰ类和Ⅱ类数量都要填写（没有写 0）"],
    ])
  })

  it("reads Excel date serials and attestations with who attested", () => {
    const { enterprises, errors } = Roster.fromRows([
      {
        uscc: USCC,
        name: "某公司",
        region: "500151",
        foundedOn: 45078,
        attestations: "hard_tech=是@2024-03-01|区经济信息委|专家评审意见；key_link=false@2024-03-01|区科技局",
      },
    ])
    expect(errors).toEqual([])
    expect(enterprises[0]!.foundedOn).toBe("2023-06-01")
    expect(enterprises[0]!.attestations).toEqual([
      {
        criterion: "hard_tech",
        value: true,
        attestedOn: "2024-03-01",
        attestedBy: "区经济信息委",
        evidence: "专家评审意见",
      },
      { criterion: "key_link", value: false, attestedOn: "2024-03-01", attestedBy: "区科技局", evidence: "" },
    ])
    const missingWho = Roster.fromRows([
      { uscc: USCC, name: "某公司", region: "500151", attestations: "hard_tech=true@2024-03-01" },
    ])
    expect(missingWho.errors[0]!.message.en).toContain("criterion=true@date|attested by|evidence")
  })
})

describe("Roster.templateRows", () => {
  it("is a header and two example rows that read back without errors", () => {
    for (const lang of ["zh", "en"] as const) {
      const [header, ...rows] = Roster.templateRows(lang)
      expect(header).toEqual(Roster.COLUMNS.map((c) => c[lang]))
      expect(rows).toHaveLength(2)
      const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])))
      const { enterprises, errors } = Roster.fromRows(records)
      expect(errors).toEqual([])
      expect(enterprises).toHaveLength(1)
      expect(enterprises[0]!.name).toMatch(lang === "zh" ? /示例数据/ : /example data/)
      expect(enterprises[0]!.financials.map((f) => f.revenue)).toEqual([4300, 5200])
    }
  })
})

// Enterprises restricted to what the roster carries: no pools or honours, titles without reviews or
// certificates, listing without boards, IP snapshots at year end, list entries free of the separators.
const DIGITS = [..."0123456789"]
const CODE_CHARS = [..."0123456789ABCDEFGHJKLMNPQRTUWXY"]
const chars = (alphabet: ReadonlyArray<string>, n: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: n, maxLength: n }).map((a) => a.join(""))
const usccArb = fc
  .tuple(chars(CODE_CHARS, 2), chars(DIGITS, 6), chars(CODE_CHARS, 9))
  .map(([a, b, c]) => Uscc.fromBody(a + b + c))
const dateArb = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10))
const cellText = fc
  .string({ minLength: 1, maxLength: 12, unit: "grapheme" })
  .map((s) => s.replace(/[;；|=@\n\r]/g, "·").trim())
  .filter((s) => s !== "")
const enterpriseArb = fc
  .record({
    uscc: usccArb,
    name: cellText,
    region: chars(DIGITS, 6),
    industry: fc.option(cellText, { nil: undefined }),
    foundedOn: fc.option(dateArb, { nil: undefined }),
    nicheSince: fc.option(dateArb, { nil: undefined }),
    strategicEmerging: fc.option(fc.boolean(), { nil: undefined }),
    financials: fc.uniqueArray(Arbitrary.make(Enterprise.FinancialYear), { selector: (f) => f.year, maxLength: 3 }),
    ip: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 2000, max: 2030 }), Arbitrary.make(Enterprise.IpSnapshot.omit("asOf"))),
      { selector: ([y]) => y, maxLength: 3 },
    ),
    titles: fc.uniqueArray(
      fc.record(
        {
          title: fc.constantFrom(...Object.keys(Title.KNOWN)),
          level: fc.constantFrom<Title.GrantLevel>("national", "provincial", "municipal", "district"),
          grantedOn: dateArb,
          expiresOn: dateArb,
        },
        { requiredKeys: ["title", "grantedOn"] },
      ),
      { selector: (t) => JSON.stringify(t), maxLength: 3 },
    ),
    listing: fc.uniqueArray(fc.record({ stage: fc.constantFrom(...Enterprise.LISTING_STAGES), reachedOn: dateArb }), {
      selector: (l) => JSON.stringify(l),
      maxLength: 3,
    }),
    attestations: fc.uniqueArray(
      fc.record({
        criterion: cellText,
        value: fc.boolean(),
        evidence: fc.oneof(fc.constant(""), cellText),
        attestedBy: cellText,
        attestedOn: dateArb,
      }),
      { selector: (a) => JSON.stringify(a), maxLength: 2 },
    ),
  })
  .map(({ industry, foundedOn, nicheSince, strategicEmerging, ip, financials, ...rest }) => {
    const ipYears = new Set(ip.map(([y]) => y))
    return Either.getOrThrow(
      Enterprise.decode({
        ...rest,
        ...(industry !== undefined ? { industry } : {}),
        ...(foundedOn !== undefined ? { foundedOn } : {}),
        ...(nicheSince !== undefined ? { nicheSince } : {}),
        ...(strategicEmerging !== undefined ? { strategicEmerging } : {}),
        // A year with no figures and an IP snapshot is written as one row that reads back as the snapshot alone.
        financials: financials
          .filter((f) => Object.keys(f).length > 1 || !ipYears.has(f.year))
          .sort((a, b) => a.year - b.year),
        ip: ip.sort(([a], [b]) => a - b).map(([y, snap]) => ({ ...snap, asOf: `${y}-12-31` })),
      }),
    )
  })

describe("Roster.toRows", () => {
  it("round-trips through fromRows for enterprises the format carries, with English or Chinese headers", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(enterpriseArb, { selector: (e) => e.uscc, maxLength: 3 }),
        fc.constantFrom<Roster.HeaderLang>("en", "zh"),
        (es, headers) => {
          const back = Roster.fromRows(Roster.toRows(es, { headers }))
          expect(back.errors).toEqual([])
          expect(back.enterprises).toEqual(es)
        },
      ),
      { numRuns: 200 },
    )
  })

  it("writes one row per year, the profile on each and titles on the first", () => {
    const { enterprises } = Roster.fromRows([
      zhRow({ 年度: 2023, "营业收入（万元）": 1480, 称号: "srdi_sme@2023-06-01" }),
      zhRow({ 年度: 2024, "营业收入（万元）": 1650 }),
    ])
    const rows = Roster.toRows(enterprises, { headers: "zh" })
    expect(rows.map((r) => [r["年度"], r["营业收入（万元）"], r["企业名称"], r["称号"]])).toEqual([
      [2023, 1480, "重庆某某精密机械有限公司", "srdi_sme@2023-06-01"],
      [2024, 1650, "重庆某某精密机械有限公司", ""],
    ])
  })
})
