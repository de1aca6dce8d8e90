/**
 * Problems: what diagnosis finds for an enterprise (诊断问题清单), categorised, assigned to a unit and tracked
 * to resolution (化解问题台账), per the hard-tech plan.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { IsoDate } from "./Calendar.js"
import { UnitId } from "./Unit.js"

/**
 * The four categories of the hard-tech plan: 企业个性问题, 市场共性问题, 营商环境问题, 政策保障问题.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Category = Schema.Literal("enterprise_specific", "market_wide", "business_environment", "policy")

/**
 * @since 0.1.0
 * @category models
 */
export type Category = typeof Category.Type

/**
 * Where a problem stands.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Status = Schema.Literal("open", "in_progress", "resolved", "closed_unresolved")

/**
 * @since 0.1.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * A diagnosed problem of an enterprise.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Problem = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  uscc: Schema.String,
  category: Category,
  dimension: Schema.optional(Schema.String).annotations({ description: "数字化转型, 成果转化, 知识产权..." }),
  description: Schema.NonEmptyString,
  unit: UnitId,
  raisedOn: IsoDate,
  dueOn: IsoDate,
  status: Status,
  resolvedOn: Schema.optional(IsoDate),
  resolution: Schema.optional(Schema.String),
}).annotations({ identifier: "Problem" })

/**
 * @since 0.1.0
 * @category models
 */
export type Problem = typeof Problem.Type
