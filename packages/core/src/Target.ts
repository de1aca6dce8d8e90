/**
 * Targets: an indicator, a comparator and a value to reach by a deadline in a region, aspirational (力争) or
 * binding (达到 / 不少于 / 以上), and progress towards them as of a date.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { IsoDate } from "./Calendar.js"
import { Citation } from "./Citation.js"
import { Text } from "./Locale.js"
import { RegionCode } from "./Region.js"

/**
 * What a target counts. Conventional ids: `enterprises.innovative_sme`, `enterprises.srdi_sme`,
 * `enterprises.little_giant`, `listings.new`, `pool.entries`, `platforms.municipal`...; packs may add their own.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Metric = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, { message: () => "a metric is dotted lower-case, e.g. enterprises.srdi_sme" }),
  Schema.annotations({ identifier: "Metric" }),
)

/**
 * How a target counts: a stock on the deadline (`level`: 达到500家), a cumulative increase over the period
 * (`increase`: 新增上市企业3家), or a yearly quota (`annual`: 每年不少于50家).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Basis = Schema.Literal("level", "increase", "annual")

/**
 * A target of a plan.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Target = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  metric: Metric,
  label: Text,
  basis: Basis,
  comparator: Schema.Literal(">=", ">", "<=", "<", "=="),
  value: Schema.Number,
  unit: Schema.NonEmptyTrimmedString.annotations({ description: "As printed: 家, 个, 项..." }),
  aspirational: Schema.Boolean.annotations({ description: "力争 (true) vs binding" }),
  region: RegionCode,
  start: Schema.optional(IsoDate).annotations({ description: "Start of the period counted by an increase or annual target" }),
  deadline: IsoDate,
  baseline: Schema.optional(Schema.Struct({ value: Schema.Number, on: IsoDate })),
  rollsUpTo: Schema.optional(Schema.String).annotations({ description: "Id of the parent region's target (pack:target)" }),
  cite: Citation,
}).annotations({ identifier: "Target" })

/**
 * @since 0.1.0
 * @category models
 */
export type Target = typeof Target.Type

/**
 * A measured value of a target's metric on a date.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Observation = Schema.Struct({
  target: Schema.String,
  region: RegionCode,
  on: IsoDate,
  value: Schema.Number,
  source: Schema.optional(Schema.String),
}).annotations({ identifier: "Observation" })

/**
 * @since 0.1.0
 * @category models
 */
export type Observation = typeof Observation.Type

/**
 * Where a target stands.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Status = Schema.Literal("achieved", "on_track", "at_risk", "off_track", "no_data")

/**
 * @since 0.1.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * Progress as of a date: attainment (share of the target reached), gap, the pace per year still needed,
 * the linear projection to the deadline and the status.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Progress = Schema.Struct({
  target: Schema.String,
  asOf: IsoDate,
  current: Schema.NullOr(Schema.Number),
  attainment: Schema.NullOr(Schema.Number),
  gap: Schema.NullOr(Schema.Number),
  requiredPace: Schema.NullOr(Schema.Number),
  observedPace: Schema.NullOr(Schema.Number),
  projection: Schema.NullOr(Schema.Number),
  status: Status,
}).annotations({ identifier: "Progress" })

/**
 * @since 0.1.0
 * @category models
 */
export type Progress = typeof Progress.Type
