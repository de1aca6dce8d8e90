/**
 * Enterprises: profile, yearly financials, IP holdings, titles, listing stages, pool memberships,
 * honours and attestations for qualitative criteria.
 *
 * Money is in 万元 (CNY 10,000), the unit every source plan uses; shares and ratios are computed, not stored.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { IsoDate } from "./Calendar.js"
import { RegionCode } from "./Region.js"
import { Holding, GrantLevel } from "./Title.js"
import { Uscc } from "./Uscc.js"
import { decode as decodeWith } from "./DecodeError.js"

const Amount = Schema.Number.pipe(Schema.finite()).annotations({ description: "万元 (CNY 10,000)" })
const Count = Schema.Int.pipe(Schema.nonNegative())

/**
 * One financial year of an enterprise. Every figure is optional: a missing figure makes the
 * criteria that need it report `insufficient_data` and list the field, never a guess.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FinancialYear = Schema.Struct({
  year: Schema.Int.pipe(Schema.between(1949, 2200)),
  revenue: Schema.optional(Amount).annotations({ description: "营业收入, 万元" }),
  mainBusinessRevenue: Schema.optional(Amount).annotations({ description: "主营业务收入, 万元" }),
  rdExpense: Schema.optional(Amount).annotations({ description: "研发费用, 万元" }),
  netProfit: Schema.optional(Amount).annotations({ description: "净利润, 万元" }),
  totalAssets: Schema.optional(Amount).annotations({ description: "资产总额, 万元" }),
  totalLiabilities: Schema.optional(Amount).annotations({ description: "负债总额, 万元" }),
  employees: Schema.optional(Count).annotations({ description: "从业人员, persons" }),
  rdEmployees: Schema.optional(Count).annotations({ description: "研发人员, persons" }),
  newEquity: Schema.optional(Amount).annotations({ description: "当年新增股权融资（实缴）, 万元" }),
  nicheMarketShare: Schema.optional(Schema.Number.pipe(Schema.between(0, 100))).annotations({
    description: "细分市场全国占有率, percent",
  }),
}).annotations({ identifier: "FinancialYear" })

/**
 * @since 0.1.0
 * @category models
 */
export type FinancialYear = typeof FinancialYear.Type

/**
 * Intellectual property held on a date (a snapshot). Class I: invention patents, plant varieties, new drugs,
 * IC layouts...; Class II: utility models, designs, software copyrights. Sub-counts are optional refinements
 * of `classI` used by points tables (high-value, self-developed, related to the main product, applied and earning).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IpSnapshot = Schema.Struct({
  asOf: IsoDate,
  classI: Count,
  classII: Count,
  classIHighValue: Schema.optional(Count),
  classISelfDeveloped: Schema.optional(Count),
  classIMainProduct: Schema.optional(Count).annotations({ description: "与主导产品相关的Ⅰ类知识产权" }),
  classIApplied: Schema.optional(Count).annotations({ description: "实际应用并已产生经济效益的Ⅰ类知识产权" }),
}).annotations({ identifier: "IpSnapshot" })

/**
 * @since 0.1.0
 * @category models
 */
export type IpSnapshot = typeof IpSnapshot.Type

/**
 * Listing stages, in order: share reform, Chongqing Equity Exchange (OTC), NEEQ basic and innovation tiers,
 * application accepted, then a listing on an exchange board.
 *
 * @since 0.1.0
 * @category constants
 */
export const LISTING_STAGES = [
  "share_reform",
  "otc_cq",
  "neeq_basic",
  "neeq_innovation",
  "ipo_accepted",
  "bse",
  "star",
  "chinext",
  "main_board",
] as const

/**
 * A listing stage (see {@link LISTING_STAGES}).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListingStage = Schema.Literal(...LISTING_STAGES)

/**
 * @since 0.1.0
 * @category models
 */
export type ListingStage = typeof ListingStage.Type

/**
 * A listing stage reached on a date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ListingEvent = Schema.Struct({
  stage: ListingStage,
  reachedOn: IsoDate,
  board: Schema.optional(Schema.String),
}).annotations({ identifier: "ListingEvent" })

/**
 * @since 0.1.0
 * @category models
 */
export type ListingEvent = typeof ListingEvent.Type

/**
 * Membership of a managed pool (培育库, 帮扶库, 拟上市储备库): entry, exit and reasons.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PoolMembership = Schema.Struct({
  pool: Schema.NonEmptyTrimmedString,
  enteredOn: IsoDate,
  entryReason: Schema.optional(Schema.String),
  exitedOn: Schema.optional(IsoDate),
  exitReason: Schema.optional(Schema.String),
}).annotations({ identifier: "PoolMembership" })

/**
 * @since 0.1.0
 * @category models
 */
export type PoolMembership = typeof PoolMembership.Type

/**
 * An honour or competition result: a science and technology award, a 创客中国 ranking, equity from qualified
 * investors counts as financials instead. `rank` is the enterprise's rank among winning units where given.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Honor = Schema.Struct({
  kind: Schema.NonEmptyTrimmedString.annotations({ description: "e.g. science_award, maker_china" }),
  level: Schema.optional(GrantLevel),
  rank: Schema.optional(Schema.Int.pipe(Schema.positive())),
  on: IsoDate,
  name: Schema.optional(Schema.String),
}).annotations({ identifier: "Honor" })

/**
 * @since 0.1.0
 * @category models
 */
export type Honor = typeof Honor.Type

/**
 * A human attestation of a qualitative criterion (e.g. "holds hard technology with high barriers"),
 * with the evidence and who attested it. Rules that need one report `needs_review` until it exists.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Attestation = Schema.Struct({
  criterion: Schema.NonEmptyTrimmedString,
  value: Schema.Boolean,
  evidence: Schema.String,
  attestedBy: Schema.NonEmptyTrimmedString,
  attestedOn: IsoDate,
}).annotations({ identifier: "Attestation" })

/**
 * @since 0.1.0
 * @category models
 */
export type Attestation = typeof Attestation.Type

/**
 * An enterprise with its history. Arrays default to empty so a minimal record needs only the USCC,
 * name and region.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Enterprise = Schema.Struct({
  uscc: Uscc,
  name: Schema.NonEmptyTrimmedString,
  region: RegionCode,
  industry: Schema.optional(Schema.String).annotations({ description: "GB/T 4754 industry code or name" }),
  foundedOn: Schema.optional(IsoDate),
  nicheSince: Schema.optional(IsoDate).annotations({ description: "从事特定细分市场起始日期" }),
  strategicEmerging: Schema.optional(Schema.Boolean).annotations({
    description: "主导产品属于《战略性新兴产业分类》",
  }),
  financials: Schema.optionalWith(Schema.Array(FinancialYear), { default: () => [] }),
  ip: Schema.optionalWith(Schema.Array(IpSnapshot), { default: () => [] }),
  titles: Schema.optionalWith(Schema.Array(Holding), { default: () => [] }),
  listing: Schema.optionalWith(Schema.Array(ListingEvent), { default: () => [] }),
  pools: Schema.optionalWith(Schema.Array(PoolMembership), { default: () => [] }),
  honors: Schema.optionalWith(Schema.Array(Honor), { default: () => [] }),
  attestations: Schema.optionalWith(Schema.Array(Attestation), { default: () => [] }),
}).annotations({ identifier: "Enterprise" })

/**
 * @since 0.1.0
 * @category models
 */
export type Enterprise = typeof Enterprise.Type

/**
 * The encoded (input) form of an enterprise, as read from JSON or YAML.
 *
 * @since 0.1.0
 * @category models
 */
export type EnterpriseInput = typeof Enterprise.Encoded

/**
 * Decodes an enterprise from unknown data (JSON, a CSV row mapped to fields...), reporting every failing path
 * in Chinese and English and rejecting unknown fields.
 *
 * @example
 * const result = Enterprise.decode({ uscc: "91350100M000100Y43", name: "某公司", region: "500151" })
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = decodeWith(Enterprise, "enterprise")
