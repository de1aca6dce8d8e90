/**
 * Awards: money or evaluation points for a milestone — first recognition at a tier, a listing stage reached,
 * pool entry, a platform or incubator recognised — with the stacking rule and the paying unit.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Citation } from "./Citation.js"
import { ListingStage } from "./Enterprise.js"
import { Ref as IndicatorRef } from "./Indicator.js"
import { Text } from "./Locale.js"
import { Parameter } from "./Parameter.js"
import { GrantLevel, TitleId } from "./Title.js"
import { UnitId } from "./Unit.js"

/**
 * What earns an award.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Trigger = Schema.Union(
  Schema.Struct({
    kind: Schema.Literal("first_recognition"),
    title: TitleId,
    minLevel: Schema.optional(GrantLevel),
  }).annotations({ description: "首次认定: the first time the enterprise is granted the title" }),
  Schema.Struct({ kind: Schema.Literal("title_granted"), title: TitleId, minLevel: Schema.optional(GrantLevel) }).annotations({
    description: "Each grant of a title or platform recognition (企业技术中心, 孵化器认定...)",
  }),
  Schema.Struct({ kind: Schema.Literal("listing_stage"), stages: Schema.NonEmptyArray(ListingStage) }),
  Schema.Struct({ kind: Schema.Literal("pool_entry"), pool: Schema.NonEmptyTrimmedString }),
  Schema.Struct({ kind: Schema.Literal("honor"), honor: Schema.NonEmptyTrimmedString, minLevel: Schema.optional(GrantLevel) }),
).annotations({ identifier: "AwardTrigger" })

/**
 * @since 0.1.0
 * @category models
 */
export type Trigger = typeof Trigger.Type

/**
 * How much an award is: a fixed sum, an amount per stage (分阶段), a share of a base with a cap, evaluation
 * points (+3 分), or unspecified where the source names the award but no amount.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Amount = Schema.Union(
  Schema.Struct({ kind: Schema.Literal("fixed"), value: Parameter }),
  Schema.Struct({
    kind: Schema.Literal("staged"),
    stages: Schema.NonEmptyArray(Schema.Struct({ stage: ListingStage, value: Parameter })),
  }),
  Schema.Struct({
    kind: Schema.Literal("share"),
    base: IndicatorRef,
    rate: Parameter.annotations({ description: "percent of the base" }),
    cap: Schema.optional(Parameter),
  }),
  Schema.Struct({ kind: Schema.Literal("points"), value: Parameter }),
  Schema.Struct({ kind: Schema.Literal("unspecified"), note: Text }),
).annotations({ identifier: "AwardAmount" })

/**
 * @since 0.1.0
 * @category models
 */
export type Amount = typeof Amount.Type

/**
 * An award of a plan. Awards in the same stacking `group` with mode `highest` pay only the highest line
 * (就高不重复); `cumulative` pays each.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Award = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  name: Text,
  trigger: Trigger,
  amount: Amount,
  stacking: Schema.Struct({
    group: Schema.optional(Schema.String),
    mode: Schema.Literal("highest", "cumulative"),
  }),
  payer: Schema.optional(UnitId),
  cite: Citation,
}).annotations({ identifier: "Award" })

/**
 * @since 0.1.0
 * @category models
 */
export type Award = typeof Award.Type

/**
 * One line of an enterprise's entitlement: the award, the event that earned it, the amount (null where the
 * source leaves it unspecified), whether a higher award in its group supersedes it, the payer and the clause.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Entitlement = Schema.Struct({
  award: Schema.String,
  uscc: Schema.String,
  event: Schema.String,
  on: Schema.String,
  budgetYear: Schema.Int,
  amount: Schema.NullOr(Schema.Number),
  unit: Schema.Literal("wan_yuan", "points"),
  status: Schema.Literal("due", "superseded", "unspecified"),
  payer: Schema.NullOr(Schema.String),
  cite: Citation,
}).annotations({ identifier: "Entitlement" })

/**
 * @since 0.1.0
 * @category models
 */
export type Entitlement = typeof Entitlement.Type
