/**
 * Targets: an indicator, a comparator and a value to reach by a deadline in a region, aspirational (力争) or
 * binding (达到 / 不少于 / 以上), and progress towards them as of a date.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Calendar from "./Calendar.js"
import { IsoDate } from "./Calendar.js"
import { Citation } from "./Citation.js"
import { rises, satisfies } from "./internal/plan-compare.js"
import { Text } from "./Locale.js"
import { isWithin, isWithinByCode, type Region, RegionCode } from "./Region.js"

/**
 * What a target counts. Conventional ids: `enterprises.innovative_sme`, `enterprises.srdi_sme`,
 * `enterprises.little_giant`, `listings.new`, `pool.entries`, `platforms.municipal`...; packs may add their own.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Metric = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, {
    message: () =>
      "指标名应为小写点分格式，如 enterprises.srdi_sme / a metric is dotted lower-case, e.g. enterprises.srdi_sme",
  }),
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
  start: Schema.optional(IsoDate).annotations({
    description: "Start of the period counted by an increase or annual target",
  }),
  deadline: IsoDate,
  baseline: Schema.optional(Schema.Struct({ value: Schema.Number, on: IsoDate })),
  rollsUpTo: Schema.optional(Schema.String).annotations({
    description: "Id of the parent region's target (pack:target)",
  }),
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

/**
 * The share of the value a projection must reach for a target to count as `at_risk` rather than `off_track`
 * (90%; for a ceiling (`<=`) the projection may overshoot the value by 10%).
 *
 * @since 0.1.0
 * @category constants
 */
export const AT_RISK_SHARE = 0.9

interface Point {
  readonly on: IsoDate
  readonly value: number
}

const seriesOf = (target: Target, observations: ReadonlyArray<Observation>, from: IsoDate, to: IsoDate) =>
  observations
    .filter((o) => o.target === target.id && o.region === target.region && o.on >= from && o.on <= to)
    // A stable sort: of two observations on one day the later one in the list wins.
    .sort((a, b) => Calendar.compare(a.on, b.on))

const noData = (target: Target, asOf: IsoDate): Progress => ({
  target: target.id,
  asOf,
  current: null,
  attainment: null,
  gap: null,
  requiredPace: null,
  observedPace: null,
  projection: null,
  status: "no_data",
})

const gapOf = (target: Target, current: number): number =>
  Math.max(0, rises(target.comparator) ? target.value - current : current - target.value)

const attainmentOf = (target: Target, current: number): number | null => {
  if (rises(target.comparator)) return target.value === 0 ? null : current / target.value
  return current === 0 ? null : target.value / current
}

const statusOf = (target: Target, asOf: IsoDate, current: number, projection: number | null): Status => {
  if (satisfies(target.comparator, current, target.value)) return "achieved"
  if (asOf > target.deadline) return "off_track"
  if (projection === null) return "at_risk"
  const margin = (1 - AT_RISK_SHARE) * Math.abs(target.value)
  if (rises(target.comparator)) {
    if (projection >= target.value && (target.comparator !== ">" || projection > target.value)) return "on_track"
    return projection >= target.value - margin ? "at_risk" : "off_track"
  }
  if (satisfies(target.comparator, projection, target.value)) return "on_track"
  return projection <= target.value + margin ? "at_risk" : "off_track"
}

const stockProgress = (target: Target, observations: ReadonlyArray<Observation>, asOf: IsoDate): Progress => {
  const series = seriesOf(target, observations, "0000-01-01", asOf)
  const last = series.at(-1)
  const first = series[0]
  if (last === undefined || first === undefined) return noData(target, asOf)
  const current = last.value
  // An increase counts from zero at the start of its period; a level from its baseline.
  const periodStart = target.start ?? target.baseline?.on
  const declared: Point | undefined =
    target.basis === "increase"
      ? periodStart === undefined
        ? undefined
        : { on: periodStart, value: 0 }
      : target.baseline
  const origin = declared !== undefined && declared.on < last.on ? declared : first.on < last.on ? first : undefined
  const observedPace =
    origin === undefined ? null : (current - origin.value) / Calendar.yearsBetween(origin.on, last.on)
  const projection =
    observedPace === null ? null : current + observedPace * Calendar.yearsBetween(last.on, target.deadline)
  const gap = gapOf(target, current)
  const yearsLeft = Calendar.yearsBetween(asOf, target.deadline)
  return {
    target: target.id,
    asOf,
    current,
    attainment: attainmentOf(target, current),
    gap,
    requiredPace: yearsLeft > 0 ? gap / yearsLeft : null,
    observedPace,
    projection,
    status: statusOf(target, asOf, current, projection),
  }
}

const DAYS_PER_YEAR = 365.2425

const annualProgress = (target: Target, observations: ReadonlyArray<Observation>, asOf: IsoDate): Progress => {
  // Past the deadline the last quota year is the one judged.
  const y = Calendar.year(asOf > target.deadline ? target.deadline : asOf)
  const yearStart = target.start !== undefined && target.start > `${y}-01-01` ? target.start : `${y}-01-01`
  const yearEnd = target.deadline < `${y}-12-31` ? target.deadline : `${y}-12-31`
  const until = asOf < yearEnd ? asOf : yearEnd
  if (until < yearStart) return noData(target, asOf)
  const last = seriesOf(target, observations, yearStart, until).at(-1)
  if (last === undefined) return noData(target, asOf)
  const current = last.value
  const span = Calendar.toDays(yearEnd) - Calendar.toDays(yearStart) + 1
  const elapsed = Calendar.toDays(until) - Calendar.toDays(yearStart) + 1
  const daysLeft = span - elapsed
  const gap = gapOf(target, current)
  const projection = (current * span) / elapsed
  return {
    target: target.id,
    asOf,
    current,
    attainment: attainmentOf(target, current),
    gap,
    requiredPace: daysLeft > 0 ? gap / (daysLeft / DAYS_PER_YEAR) : null,
    observedPace: current / (elapsed / DAYS_PER_YEAR),
    projection,
    status: statusOf(target, asOf, current, projection),
  }
}

/**
 * Progress of a target as of a date, from the observations of its id and region dated on or before `asOf`
 * (later ones are ignored; of two on one day the later in the list wins).
 *
 * - `level` (达到500家): `current` is the latest observation; `gap` what is still missing
 *   (for a ceiling `<=`, what is still above it); `attainment` current ÷ value (value ÷ current for a ceiling);
 *   `requiredPace` the gap ÷ the years left to the deadline (`null` on or after it); `observedPace` the yearly slope
 *   from the baseline (or, without one, the first observation) to the current value, and `projection` that line
 *   carried to the deadline.
 * - `increase` (新增上市企业3家): observations carry the cumulative increase since `start`, not the stock; the line
 *   runs from zero at `start` (or at the baseline's date; without either, from the first observation).
 * - `annual` (每年不少于50家): the quota applies to each calendar year; observations carry the count so far in their
 *   year. Progress is for the year of `asOf` (the deadline's year once past it): the projection pro-rates the count
 *   by day of year and the required pace is the gap over the rest of that year, per year.
 *
 * Status: `achieved` when the current value satisfies the comparator; past the deadline and not achieved,
 * `off_track`; a projection satisfying the target, `on_track`; within {@link AT_RISK_SHARE} of it (or with one
 * observation and no baseline, so no trend), `at_risk`; otherwise `off_track`; no observation, `no_data`.
 * Aspirational (力争) targets get the same maths — read `target.aspirational` (or {@link needsAttention}) to weigh
 * the status.
 *
 * @example
 * // 重庆市 市级专精特新 2,500 by 2025; 5,035 valid in 2024 (press) → achieved, attainment 2.014
 * Target.progress(srdiSme, [{ target: srdiSme.id, region: "500000", on: "2024-12-31", value: 5035 }], "2025-01-01")
 *
 * @since 0.1.0
 * @category combinators
 */
export const progress = (target: Target, observations: ReadonlyArray<Observation>, asOf: IsoDate): Progress =>
  target.basis === "annual" ? annualProgress(target, observations, asOf) : stockProgress(target, observations, asOf)

/**
 * Whether a progress calls for action: a binding target that is `at_risk` or `off_track`. Aspirational (力争)
 * targets never do; their status is information, not a warning.
 *
 * @since 0.1.0
 * @category predicates
 */
export const needsAttention = (target: Target, progress: Progress): boolean =>
  !target.aspirational && (progress.status === "at_risk" || progress.status === "off_track")

/**
 * Whether a child target names `parent` in `rollsUpTo`: its id, or `<pack>:<id>`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const rollsUpTo = (child: Target, parent: Target): boolean =>
  child.rollsUpTo !== undefined && (child.rollsUpTo === parent.id || child.rollsUpTo.endsWith(`:${parent.id}`))

/**
 * A child target that names the parent but cannot be added to it, and why.
 *
 * @since 0.1.0
 * @category models
 */
export interface Excluded {
  readonly target: Target
  readonly reason: Text
}

/**
 * The children of a target rolled up against it. `childrenCurrent` sums the children's current values (a child
 * with no data adds 0 and shows `no_data` in `children`); `childrenTarget` sums their values; `coverage` is
 * childrenTarget ÷ parent value (how much of the parent the children have promised, `null` for a zero parent);
 * `gapToParent` is what the children still lack to make up the parent's value by themselves.
 *
 * @since 0.1.0
 * @category models
 */
export interface RollUp {
  readonly parent: Progress
  readonly children: ReadonlyArray<Progress>
  readonly excluded: ReadonlyArray<Excluded>
  readonly childrenCurrent: number
  readonly childrenTarget: number
  readonly coverage: number | null
  readonly gapToParent: number
}

/**
 * Rolls the targets of child regions up into their parent's: the children are the targets that name the parent in
 * `rollsUpTo` (see {@link rollsUpTo}); of those, one whose region is not within the parent's, or whose metric or
 * basis differs, is listed in `excluded` with the reason instead of being added. Containment uses `regions` when
 * given ({@link Region.isWithin}), else the structure of the codes ({@link Region.isWithinByCode}).
 *
 * @example
 * // 铜梁 500 + 石柱 300 innovative SMEs against 重庆市's 25,000: coverage 0.032
 * Target.rollUp(chongqing, [tongliang, shizhu], observations, "2024-12-31").coverage
 *
 * @since 0.1.0
 * @category combinators
 */
export const rollUp = (
  parent: Target,
  children: ReadonlyArray<Target>,
  observations: ReadonlyArray<Observation>,
  asOf: IsoDate,
  regions?: ReadonlyArray<Region>,
): RollUp => {
  const within = (code: RegionCode) =>
    regions === undefined ? isWithinByCode(code, parent.region) : isWithin(regions, code, parent.region)
  const included: Array<Target> = []
  const excluded: Array<Excluded> = []
  for (const child of children) {
    if (child.id === parent.id || !rollsUpTo(child, parent)) continue
    if (!within(child.region))
      excluded.push({
        target: child,
        reason: {
          zh: `目标 ${child.id} 的地区 ${child.region} 不在上级目标 ${parent.id} 的地区 ${parent.region} 之内`,
          en: `target ${child.id} is in region ${child.region}, outside ${parent.region} of the parent target ${parent.id}`,
        },
      })
    else if (child.metric !== parent.metric || child.basis !== parent.basis)
      excluded.push({
        target: child,
        reason: {
          zh: `目标 ${child.id}（${child.metric}，${child.basis}）与上级目标 ${parent.id}（${parent.metric}，${parent.basis}）口径不同`,
          en: `target ${child.id} (${child.metric}, ${child.basis}) does not count like the parent ${parent.id} (${parent.metric}, ${parent.basis})`,
        },
      })
    else included.push(child)
  }
  const childProgress = included.map((c) => progress(c, observations, asOf))
  const childrenCurrent = childProgress.reduce((sum, p) => sum + (p.current ?? 0), 0)
  const childrenTarget = included.reduce((sum, c) => sum + c.value, 0)
  return {
    parent: progress(parent, observations, asOf),
    children: childProgress,
    excluded,
    childrenCurrent,
    childrenTarget,
    coverage: parent.value === 0 ? null : childrenTarget / parent.value,
    gapToParent: gapOf(parent, childrenCurrent),
  }
}
