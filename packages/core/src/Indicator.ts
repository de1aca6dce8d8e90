/**
 * Indicators: named quantities derived from an enterprise's record as of a date — R&D intensity,
 * two-year average growth, debt ratio, years in the niche market, Class I IP count...
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

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
