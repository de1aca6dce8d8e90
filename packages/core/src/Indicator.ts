/**
 * Indicators: named quantities derived from an enterprise's record as of a date — R&D intensity,
 * two-year average growth, debt ratio, years in the niche market, Class I IP count...
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { type IsoDate, year, yearsBetween } from "./Calendar.js"
import type { Enterprise, FinancialYear, IpSnapshot } from "./Enterprise.js"
import { percent } from "./internal/rule-percent.js"

/**
 * Indicators computed per financial year. Money in 万元; shares, ratios and growth in percent (5 means 5%).
 *
 * @since 0.1.0
 * @category constants
 */
export const YEARLY = [
  "revenue",
  "mainBusinessRevenue",
  "rdExpense",
  "netProfit",
  "totalAssets",
  "totalLiabilities",
  "employees",
  "rdEmployees",
  "newEquity",
  "nicheMarketShare",
  "rdIntensity",
  "mainBusinessShare",
  "debtRatio",
  "netProfitMargin",
  "revenueGrowth",
  "mainBusinessGrowth",
  "rdStaffShare",
] as const

/**
 * Indicators read at the evaluation date rather than per year.
 *
 * @since 0.1.0
 * @category constants
 */
export const POINT_IN_TIME = [
  "yearsInNiche",
  "yearsSinceFounded",
  "ipClassI",
  "ipClassII",
  "ipClassIHighValue",
  "ipClassISelfDeveloped",
  "ipClassIMainProduct",
  "ipClassIApplied",
  "strategicEmerging",
] as const

/**
 * The id of an indicator.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IndicatorId = Schema.Literal(...YEARLY, ...POINT_IN_TIME).annotations({ identifier: "IndicatorId" })

/**
 * @since 0.1.0
 * @category models
 */
export type IndicatorId = typeof IndicatorId.Type

/**
 * How several years of a yearly indicator combine: each year must pass on its own (`each`), or the
 * years are summed, averaged, or the lowest/highest taken before comparing.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Aggregate = Schema.Literal("each", "sum", "avg", "min", "max")

/**
 * @since 0.1.0
 * @category models
 */
export type Aggregate = typeof Aggregate.Type

/**
 * A reference to an indicator in a rule. For yearly indicators `lag` picks the last year of the window
 * (1 = 上年, the last full year before the evaluation date, the default) and `span` how many years end there
 * (2 with `aggregate: avg` = 近2年平均).
 *
 * @example
 * const lastTwoYearsEach: Indicator.Ref = { id: "rdIntensity", span: 2, aggregate: "each" }
 *
 * @since 0.1.0
 * @category schemas
 */
export const Ref = Schema.Struct({
  id: IndicatorId,
  lag: Schema.optional(Schema.Int.pipe(Schema.between(0, 10))),
  span: Schema.optional(Schema.Int.pipe(Schema.between(1, 10))),
  aggregate: Schema.optional(Aggregate),
}).annotations({ identifier: "IndicatorRef" })

/**
 * @since 0.1.0
 * @category models
 */
export type Ref = typeof Ref.Type

/**
 * The unit an indicator is measured in.
 *
 * @since 0.1.0
 * @category models
 */
export type Measure = "wan_yuan" | "percent" | "count" | "persons" | "years" | "boolean"

/**
 * How an indicator is named and measured, for traces and reasons.
 *
 * @since 0.1.0
 * @category models
 */
export interface Meta {
  readonly zh: string
  readonly en: string
  readonly measure: Measure
}

/**
 * Names (Chinese and English) and measures of every indicator.
 *
 * @example
 * Indicator.META.rdIntensity // { zh: "研发投入强度", en: "R&D intensity", measure: "percent" }
 *
 * @since 0.1.0
 * @category constants
 */
export const META: { readonly [K in IndicatorId]: Meta } = {
  revenue: { zh: "营业收入", en: "operating revenue", measure: "wan_yuan" },
  mainBusinessRevenue: { zh: "主营业务收入", en: "main-business revenue", measure: "wan_yuan" },
  rdExpense: { zh: "研发费用", en: "R&D expense", measure: "wan_yuan" },
  netProfit: { zh: "净利润", en: "net profit", measure: "wan_yuan" },
  totalAssets: { zh: "资产总额", en: "total assets", measure: "wan_yuan" },
  totalLiabilities: { zh: "负债总额", en: "total liabilities", measure: "wan_yuan" },
  employees: { zh: "从业人员数", en: "employees", measure: "persons" },
  rdEmployees: { zh: "研发人员数", en: "R&D staff", measure: "persons" },
  newEquity: { zh: "新增股权融资", en: "new equity financing", measure: "wan_yuan" },
  nicheMarketShare: { zh: "细分市场占有率", en: "niche market share", measure: "percent" },
  rdIntensity: { zh: "研发投入强度", en: "R&D intensity", measure: "percent" },
  mainBusinessShare: { zh: "主营业务收入占营业收入比重", en: "main-business share of revenue", measure: "percent" },
  debtRatio: { zh: "资产负债率", en: "debt ratio", measure: "percent" },
  netProfitMargin: { zh: "净利润率", en: "net profit margin", measure: "percent" },
  revenueGrowth: { zh: "营业收入增长率", en: "revenue growth", measure: "percent" },
  mainBusinessGrowth: { zh: "主营业务收入增长率", en: "main-business revenue growth", measure: "percent" },
  rdStaffShare: { zh: "研发人员占比", en: "R&D staff share", measure: "percent" },
  yearsInNiche: { zh: "从事细分市场年限", en: "years in the niche market", measure: "years" },
  yearsSinceFounded: { zh: "成立年限", en: "years since founding", measure: "years" },
  ipClassI: { zh: "Ⅰ类知识产权数", en: "Class I IP count", measure: "count" },
  ipClassII: { zh: "Ⅱ类知识产权数", en: "Class II IP count", measure: "count" },
  ipClassIHighValue: { zh: "高价值Ⅰ类知识产权数", en: "high-value Class I IP count", measure: "count" },
  ipClassISelfDeveloped: { zh: "自主研发Ⅰ类知识产权数", en: "self-developed Class I IP count", measure: "count" },
  ipClassIMainProduct: {
    zh: "与主导产品相关的Ⅰ类知识产权数",
    en: "Class I IP related to the main product",
    measure: "count",
  },
  ipClassIApplied: { zh: "已应用并产生效益的Ⅰ类知识产权数", en: "Class I IP applied and earning", measure: "count" },
  strategicEmerging: {
    zh: "主导产品属于战略性新兴产业",
    en: "main product in a strategic emerging industry",
    measure: "boolean",
  },
}

/**
 * Whether an indicator is computed per financial year (as opposed to read at the evaluation date).
 *
 * @since 0.1.0
 * @category guards
 */
export const isYearly = (id: IndicatorId): boolean => YEARLY_SET.has(id)

const YEARLY_SET: ReadonlySet<IndicatorId> = new Set<IndicatorId>(YEARLY)

/**
 * The years a reference reads, oldest first: `span` years ending at `year(asOf) − lag` (上年 by default).
 *
 * @example
 * Indicator.years({ id: "rdIntensity", span: 2 }, "2025-06-30") // [2023, 2024]
 *
 * @since 0.1.0
 * @category getters
 */
export const years = (ref: Ref, asOf: IsoDate): ReadonlyArray<number> => {
  const last = year(asOf) - (ref.lag ?? 1)
  const span = ref.span ?? 1
  const out: Array<number> = []
  for (let y = last - span + 1; y <= last; y++) out.push(y)
  return out
}

/**
 * The result of computing an indicator: the value (one number, or one per year for `aggregate: "each"`, `null`
 * where a year is missing) and the paths of the inputs that are missing, e.g. `financials[2024].rdExpense`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Computed {
  readonly value: number | ReadonlyArray<number | null> | undefined
  readonly missing: Array<string>
}

/**
 * Computes an indicator for an enterprise as of a date. Never throws: a missing field, a missing year or a
 * division by zero leaves the value out and names the input in `missing`.
 *
 * - Yearly: ratios are percent (`rdIntensity = rdExpense / revenue · 100`), growth compares with the year before;
 *   `span` years ending at `year(asOf) − lag` are combined by `aggregate` (`each` by default: one value per year).
 * - Point in time: `yearsInNiche` / `yearsSinceFounded` are fractional years to `asOf`; IP counts come from the latest
 *   snapshot dated on or before `asOf`; `strategicEmerging` is 1 or 0.
 *
 * @example
 * Indicator.compute({ id: "rdIntensity" }, enterprise, "2025-06-30") // { value: [4.2], missing: [] }
 *
 * @since 0.1.0
 * @category computing
 */
export const compute = (ref: Ref, e: Enterprise, asOf: IsoDate): Computed => {
  const missing: Array<string> = []
  if (!isYearly(ref.id)) return { value: pointInTime(ref.id, e, asOf, missing), missing }
  const ys = years(ref, asOf)
  const values: Array<number | null> = []
  for (const y of ys) {
    const v = yearValue(ref.id as YearlyId, e.financials, y, missing)
    values.push(v)
  }
  const aggregate = ref.aggregate ?? "each"
  if (aggregate === "each") return { value: values, missing }
  if (missing.length > 0) return { value: undefined, missing }
  return { value: combine(aggregate, values as ReadonlyArray<number>), missing }
}

type YearlyId = (typeof YEARLY)[number]

const combine = (aggregate: Exclude<Aggregate, "each">, values: ReadonlyArray<number>): number => {
  switch (aggregate) {
    case "sum":
      return values.reduce((a, b) => a + b, 0)
    case "avg":
      return values.reduce((a, b) => a + b, 0) / values.length
    case "min":
      return Math.min(...values)
    case "max":
      return Math.max(...values)
  }
}

const findYear = (financials: ReadonlyArray<FinancialYear>, y: number): FinancialYear | undefined => {
  for (const f of financials) if (f.year === y) return f
  return undefined
}

type Field = Exclude<keyof FinancialYear, "year">

const field = (
  financials: ReadonlyArray<FinancialYear>,
  y: number,
  name: Field,
  missing: Array<string>,
  nonZero = false,
): number | null => {
  const v = findYear(financials, y)?.[name]
  if (v === undefined || (nonZero && v === 0)) {
    missing.push(`financials[${y}].${name}`)
    return null
  }
  return v
}

const ratio = (
  financials: ReadonlyArray<FinancialYear>,
  y: number,
  top: Field,
  bottom: Field,
  missing: Array<string>,
): number | null => {
  const a = field(financials, y, top, missing)
  const b = field(financials, y, bottom, missing, true)
  return a === null || b === null ? null : percent(a, b)
}

const growth = (
  financials: ReadonlyArray<FinancialYear>,
  y: number,
  name: Field,
  missing: Array<string>,
): number | null => {
  const now = field(financials, y, name, missing)
  const before = field(financials, y - 1, name, missing, true)
  return now === null || before === null ? null : percent(now - before, before)
}

const yearValue = (
  id: YearlyId,
  financials: ReadonlyArray<FinancialYear>,
  y: number,
  missing: Array<string>,
): number | null => {
  switch (id) {
    case "rdIntensity":
      return ratio(financials, y, "rdExpense", "revenue", missing)
    case "mainBusinessShare":
      return ratio(financials, y, "mainBusinessRevenue", "revenue", missing)
    case "debtRatio":
      return ratio(financials, y, "totalLiabilities", "totalAssets", missing)
    case "netProfitMargin":
      return ratio(financials, y, "netProfit", "revenue", missing)
    case "rdStaffShare":
      return ratio(financials, y, "rdEmployees", "employees", missing)
    case "revenueGrowth":
      return growth(financials, y, "revenue", missing)
    case "mainBusinessGrowth":
      return growth(financials, y, "mainBusinessRevenue", missing)
    default:
      return field(financials, y, id, missing)
  }
}

/** The latest IP snapshot dated on or before `asOf`. */
const latestIp = (e: Enterprise, asOf: IsoDate): IpSnapshot | undefined => {
  let best: IpSnapshot | undefined
  for (const s of e.ip) if (s.asOf <= asOf && (best === undefined || s.asOf > best.asOf)) best = s
  return best
}

const IP_FIELD = {
  ipClassI: "classI",
  ipClassII: "classII",
  ipClassIHighValue: "classIHighValue",
  ipClassISelfDeveloped: "classISelfDeveloped",
  ipClassIMainProduct: "classIMainProduct",
  ipClassIApplied: "classIApplied",
} as const satisfies Record<string, keyof IpSnapshot>

const pointInTime = (id: IndicatorId, e: Enterprise, asOf: IsoDate, missing: Array<string>): number | undefined => {
  switch (id) {
    case "yearsInNiche":
      if (e.nicheSince === undefined) return void missing.push("nicheSince")
      return yearsBetween(e.nicheSince, asOf)
    case "yearsSinceFounded":
      if (e.foundedOn === undefined) return void missing.push("foundedOn")
      return yearsBetween(e.foundedOn, asOf)
    case "strategicEmerging":
      if (e.strategicEmerging === undefined) return void missing.push("strategicEmerging")
      return e.strategicEmerging ? 1 : 0
    case "ipClassI":
    case "ipClassII":
    case "ipClassIHighValue":
    case "ipClassISelfDeveloped":
    case "ipClassIMainProduct":
    case "ipClassIApplied": {
      const snapshot = latestIp(e, asOf)
      if (snapshot === undefined) return void missing.push("ip")
      const name = IP_FIELD[id]
      const v = snapshot[name]
      if (v === undefined) return void missing.push(`ip.${name}`)
      return v
    }
    default:
      return undefined
  }
}

/**
 * Writes a value in an indicator's measure: money as 万元, percent with up to `decimals` decimals (default two).
 *
 * @example
 * Indicator.format(4.2, "percent", "zh") // "4.2%"
 * Indicator.format(12000, "wan_yuan", "en") // "12,000 万元 (CNY 10k)"
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (value: number, measure: Measure, lang: "zh" | "en", decimals = 2): string => {
  const n = formatNumber(value, decimals)
  switch (measure) {
    case "wan_yuan":
      return lang === "zh" ? `${n}万元` : `${n} 万元 (CNY 10k)`
    case "percent":
      return `${n}%`
    case "count":
      return lang === "zh" ? `${n}项` : n
    case "persons":
      return lang === "zh" ? `${n}人` : `${n} persons`
    case "years":
      return lang === "zh" ? `${n}年` : `${n} years`
    case "boolean":
      return lang === "zh" ? (value ? "是" : "否") : value ? "yes" : "no"
  }
}

// Hand-rolled rather than toLocaleString: Intl formatting per call costs more than a whole evaluation.
const formatNumber = (value: number, decimals: number): string => {
  const scale = 10 ** decimals
  const rounded = Math.round(value * scale) / scale
  const abs = rounded < 0 ? -rounded : rounded
  if (abs < 10000 || !Number.isFinite(rounded) || abs >= 1e21) return String(rounded)
  const whole = Math.trunc(abs)
  const digits = String(whole)
  let grouped = ""
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += ","
    grouped += digits[i]
  }
  const fraction = String(abs).slice(digits.length)
  return `${rounded < 0 ? "-" : ""}${grouped}${fraction}`
}
