/**
 * Problems: what diagnosis finds for an enterprise (诊断问题清单), categorised, assigned to a unit and tracked
 * to resolution (化解问题台账), per the hard-tech plan.
 *
 * @since 0.1.0
 */
import { Data, Either, Schema } from "effect"
import * as Calendar from "./Calendar.js"
import { IsoDate } from "./Calendar.js"
import { median } from "./internal/plan-stats.js"
import type { Text } from "./Locale.js"
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

/**
 * The four categories as the hard-tech plan names them (seed 003 二（二）: 形成企业个性问题、市场共性问题、营商环境问题和
 * 政策保障问题等诊断问题清单和化解问题台账).
 *
 * @since 0.1.0
 * @category constants
 */
export const CATEGORY_LABELS: { readonly [K in Category]: Text } = {
  enterprise_specific: { zh: "企业个性问题", en: "Enterprise-specific problem" },
  market_wide: { zh: "市场共性问题", en: "Market-wide problem" },
  business_environment: { zh: "营商环境问题", en: "Business-environment problem" },
  policy: { zh: "政策保障问题", en: "Policy-support problem" },
}

/**
 * Labels of the statuses, for ledgers (化解问题台账).
 *
 * @since 0.1.0
 * @category constants
 */
export const STATUS_LABELS: { readonly [K in Status]: Text } = {
  open: { zh: "待化解", en: "Open" },
  in_progress: { zh: "化解中", en: "In progress" },
  resolved: { zh: "已化解", en: "Resolved" },
  closed_unresolved: { zh: "未化解办结", en: "Closed unresolved" },
}

const finished = (status: Status): boolean => status === "resolved" || status === "closed_unresolved"

/**
 * Whether a problem is overdue on a date: still open or in progress after its due date.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isOverdue = (problem: Problem, asOf: IsoDate): boolean => !finished(problem.status) && problem.dueOn < asOf

/**
 * The problems overdue on a date, oldest due date first.
 *
 * @since 0.1.0
 * @category combinators
 */
export const overdue = (problems: ReadonlyArray<Problem>, asOf: IsoDate): ReadonlyArray<Problem> =>
  problems.filter((p) => isOverdue(p, asOf)).sort((a, b) => Calendar.compare(a.dueOn, b.dueOn))

/**
 * One unit's line in a problem summary: open (including in progress), overdue, resolved and closed unresolved
 * counts, and the median days from raising to resolving its resolved problems.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnitSummary {
  readonly unit: UnitId
  readonly open: number
  readonly overdue: number
  readonly resolved: number
  readonly closedUnresolved: number
  readonly medianDaysToResolve: number | null
}

/**
 * A problem ledger summed up on a date: counts by category × status, and per unit (in order of first appearance).
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly asOf: IsoDate
  readonly total: number
  readonly overdue: number
  readonly byCategory: { readonly [C in Category]: { readonly [S in Status]: number } }
  readonly byUnit: ReadonlyArray<UnitSummary>
}

const zeroByStatus = (): { [S in Status]: number } => ({ open: 0, in_progress: 0, resolved: 0, closed_unresolved: 0 })

/**
 * Sums up the problems raised on or before `asOf` (later ones are left out) with their recorded status.
 *
 * @example
 * Problem.summary(ledger, "2024-06-30").byCategory.policy.open // 3
 *
 * @since 0.1.0
 * @category combinators
 */
export const summary = (problems: ReadonlyArray<Problem>, asOf: IsoDate): Summary => {
  const raised = problems.filter((p) => p.raisedOn <= asOf)
  const byCategory = {
    enterprise_specific: zeroByStatus(),
    market_wide: zeroByStatus(),
    business_environment: zeroByStatus(),
    policy: zeroByStatus(),
  }
  for (const p of raised) byCategory[p.category][p.status] += 1
  const units = [...new Set(raised.map((p) => p.unit))]
  const byUnit = units.map((unit): UnitSummary => {
    const mine = raised.filter((p) => p.unit === unit)
    const days = mine.flatMap((p) =>
      p.status === "resolved" && p.resolvedOn !== undefined
        ? [Calendar.toDays(p.resolvedOn) - Calendar.toDays(p.raisedOn)]
        : [],
    )
    return {
      unit,
      open: mine.filter((p) => !finished(p.status)).length,
      overdue: mine.filter((p) => isOverdue(p, asOf)).length,
      resolved: mine.filter((p) => p.status === "resolved").length,
      closedUnresolved: mine.filter((p) => p.status === "closed_unresolved").length,
      medianDaysToResolve: median(days),
    }
  })
  return { asOf, total: raised.length, overdue: raised.filter((p) => isOverdue(p, asOf)).length, byCategory, byUnit }
}

/**
 * The moves a problem may make: open → in progress → resolved or closed unresolved, or open → resolved directly.
 * Resolved and closed problems are final.
 *
 * @since 0.1.0
 * @category constants
 */
export const TRANSITIONS: { readonly [S in Status]: ReadonlyArray<Status> } = {
  open: ["in_progress", "resolved"],
  in_progress: ["resolved", "closed_unresolved"],
  resolved: [],
  closed_unresolved: [],
}

/**
 * A refused move: not one of {@link TRANSITIONS} (`not_allowed`), or dated before the problem was raised
 * (`before_raised`).
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidTransition extends Data.TaggedError("InvalidTransition")<{
  readonly problem: Problem
  readonly to: Status
  readonly on: IsoDate
  readonly reason: "not_allowed" | "before_raised"
}> {
  /** The error as a sentence in Chinese and English. */
  get text(): Text {
    const p = this.problem
    if (this.reason === "before_raised")
      return {
        zh: `问题 ${p.id} 于${p.raisedOn}提出，状态变更日期${this.on}早于提出日期`,
        en: `problem ${p.id} was raised on ${p.raisedOn}; the change dated ${this.on} is before that`,
      }
    return {
      zh: `问题 ${p.id} 不能从“${STATUS_LABELS[p.status].zh}”变为“${STATUS_LABELS[this.to].zh}”`,
      en: `problem ${p.id} cannot move from ${STATUS_LABELS[p.status].en.toLowerCase()} to ${STATUS_LABELS[this.to].en.toLowerCase()}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * Moves a problem to a new status on a date, returning a new problem. Resolving or closing records `resolvedOn`
 * (the date) and the `resolution` when given. Refused with {@link InvalidTransition} otherwise.
 *
 * @example
 * Problem.transition(p, "in_progress", "2024-04-01")
 * Problem.transition(p, "resolved", "2024-05-20", "对接知识产权质押融资")
 *
 * @since 0.1.0
 * @category combinators
 */
export const transition = (
  problem: Problem,
  to: Status,
  on: IsoDate,
  resolution?: string,
): Either.Either<Problem, InvalidTransition> => {
  if (!TRANSITIONS[problem.status].includes(to))
    return Either.left(new InvalidTransition({ problem, to, on, reason: "not_allowed" }))
  if (on < problem.raisedOn) return Either.left(new InvalidTransition({ problem, to, on, reason: "before_raised" }))
  const next: Problem = { ...problem, status: to }
  if (!finished(to)) return Either.right(next)
  return Either.right({ ...next, resolvedOn: on, ...(resolution === undefined ? {} : { resolution }) })
}
