/**
 * Awards: money or evaluation points for a milestone — first recognition at a tier, a listing stage reached,
 * pool entry, a platform or incubator recognised — with the stacking rule and the paying unit.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { type IsoDate, year } from "./Calendar.js"
import { Citation, label } from "./Citation.js"
import { type Enterprise, ListingStage } from "./Enterprise.js"
import { compute as computeIndicator, Ref as IndicatorRef } from "./Indicator.js"
import { type AwardEvent, describeEvent, eventsOf } from "./internal/award-events.js"
import { type Lang, Text } from "./Locale.js"
import * as Parameter_ from "./Parameter.js"
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
  Schema.Struct({
    kind: Schema.Literal("title_granted"),
    title: TitleId,
    minLevel: Schema.optional(GrantLevel),
  }).annotations({
    description: "Each grant of a title or platform recognition (企业技术中心, 孵化器认定...)",
  }),
  Schema.Struct({ kind: Schema.Literal("listing_stage"), stages: Schema.NonEmptyArray(ListingStage) }),
  Schema.Struct({ kind: Schema.Literal("pool_entry"), pool: Schema.NonEmptyTrimmedString }),
  Schema.Struct({
    kind: Schema.Literal("honor"),
    honor: Schema.NonEmptyTrimmedString,
    minLevel: Schema.optional(GrantLevel),
  }),
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

/**
 * The window and date of an entitlement computation: events dated within `[from, to]` (both inclusive, either
 * open) and on or before `asOf`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Window {
  readonly from?: IsoDate
  readonly to?: IsoDate
  readonly asOf: IsoDate
}

// Amounts are 万元; rounding to 0.0001 万元 (one yuan) keeps share-of-base lines free of float noise.
const round = (n: number): number => Math.round(n * 10_000) / 10_000

interface Resolved {
  readonly amount: number | null
  readonly unit: Entitlement["unit"]
}

const param = (p: Parameter, on: IsoDate): number | null => Parameter_.valueAt(p, on) ?? null

const baseValue = (ref: IndicatorRef, e: Enterprise, on: IsoDate): number | null => {
  const { value } = computeIndicator(ref, e, on)
  if (typeof value === "number") return value
  // `each` over one year (the default) is a one-element list; a longer list has no single base.
  if (value !== undefined && value.length === 1 && typeof value[0] === "number") return value[0]
  return null
}

const resolve = (amount: Amount, e: Enterprise, event: AwardEvent): Resolved => {
  switch (amount.kind) {
    case "fixed":
      return { amount: param(amount.value, event.on), unit: "wan_yuan" }
    case "points":
      return { amount: param(amount.value, event.on), unit: "points" }
    case "staged": {
      const stage = amount.stages.find((s) => s.stage === event.stage)
      return { amount: stage === undefined ? null : param(stage.value, event.on), unit: "wan_yuan" }
    }
    case "share": {
      const rate = param(amount.rate, event.on)
      const base = baseValue(amount.base, e, event.on)
      if (rate === null || base === null) return { amount: null, unit: "wan_yuan" }
      const raw = (rate / 100) * base
      if (amount.cap === undefined) return { amount: round(raw), unit: "wan_yuan" }
      // A cap the source leaves open leaves the amount open too: the line is exposure of unknown size.
      const cap = param(amount.cap, event.on)
      return { amount: cap === null ? null : round(Math.min(raw, cap)), unit: "wan_yuan" }
    }
    case "unspecified":
      return { amount: null, unit: "wan_yuan" }
  }
}

const inWindow = (on: IsoDate, w: Window): boolean =>
  on <= w.asOf && (w.from === undefined || on >= w.from) && (w.to === undefined || on <= w.to)

/**
 * Applies 就高不重复: among the lines of awards sharing a `highest` group (and a unit), only the largest amount
 * stays due (ties: the earliest event, then the award listed first); the others are superseded. Lines of unknown
 * amount neither supersede nor are superseded.
 */
const stack = (lines: Array<Mutable<Entitlement>>, groups: ReadonlyArray<string | undefined>): void => {
  const best = new Map<string, number>()
  lines.forEach((line, i) => {
    const group = groups[i]
    if (group === undefined || line.amount === null) return
    const key = `${group}\u0000${line.unit}`
    const j = best.get(key)
    if (j === undefined) return void best.set(key, i)
    const held = lines[j]!
    if (line.amount > held.amount! || (line.amount === held.amount && line.on < held.on)) {
      held.status = "superseded"
      best.set(key, i)
    } else line.status = "superseded"
  })
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Awards prepared once per computation: duplicates dropped, the listing order and `highest` group kept. */
interface Prepared {
  readonly award: Award
  readonly order: number
  readonly group: string | undefined
}

const prepare = (awards: ReadonlyArray<Award>): ReadonlyArray<Prepared> => {
  const seen = new Set<string>()
  const out: Array<Prepared> = []
  awards.forEach((award, order) => {
    // An award listed twice (e.g. by two pack layers) is still one award.
    if (seen.has(award.id)) return
    seen.add(award.id)
    out.push({ award, order, group: award.stacking.mode === "highest" ? award.stacking.group : undefined })
  })
  return out
}

const linesOf = (prepared: ReadonlyArray<Prepared>, enterprise: Enterprise, window: Window): Array<Entitlement> => {
  const lines: Array<Mutable<Entitlement>> = []
  const meta: Array<{ readonly order: number; readonly group: string | undefined }> = []
  for (const { award, order, group } of prepared) {
    for (const event of eventsOf(award.trigger, enterprise)) {
      if (!inWindow(event.on, window)) continue
      const { amount, unit } = resolve(award.amount, enterprise, event)
      lines.push({
        award: award.id,
        uscc: enterprise.uscc,
        event: event.event,
        on: event.on,
        budgetYear: year(event.on),
        amount,
        unit,
        status: amount === null ? "unspecified" : "due",
        payer: award.payer ?? null,
        cite: award.cite,
      })
      meta.push({ order, group })
    }
  }
  if (lines.length < 2) return lines
  const idx = lines.map((_, i) => i)
  idx.sort((a, b) => {
    const x = lines[a]!.on
    const y = lines[b]!.on
    return x < y ? -1 : x > y ? 1 : meta[a]!.order - meta[b]!.order
  })
  const sorted = idx.map((i) => lines[i]!)
  stack(
    sorted,
    idx.map((i) => meta[i]!.group),
  )
  return sorted
}

/**
 * The entitlements of one enterprise: a line per award and event dated in the window, oldest event first (then
 * in the order the awards are listed). Amounts are read from the award's dated parameters on the event date;
 * a share is `rate`% of the base indicator computed as of the event date, capped. A null or unspecified amount,
 * or a base the data lacks, gives `amount: null` and status `unspecified`. Stacking groups with mode `highest`
 * keep only the largest line due (就高不重复). The same award and event never give two lines.
 *
 * @example
 * Award.entitlements(pack.awards, enterprise, { asOf: "2025-12-31" })
 * // [{ award: "tl-first-srdi-sme", event: "first_recognition:srdi_sme", on: "2023-07-15", amount: null, status: "unspecified", ... }]
 *
 * @since 0.1.0
 * @category computing
 */
export const entitlements = (
  awards: ReadonlyArray<Award>,
  enterprise: Enterprise,
  window: Window,
): Array<Entitlement> => linesOf(prepare(awards), enterprise, window)

/**
 * The money due to one paying unit in one budget year (`payer: null` where the award names no payer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const BudgetTotal = Schema.Struct({
  payer: Schema.NullOr(Schema.String),
  budgetYear: Schema.Int,
  amount: Schema.Number.annotations({ description: "万元" }),
  lines: Schema.Int,
}).annotations({ identifier: "AwardBudgetTotal" })

/**
 * @since 0.1.0
 * @category models
 */
export type BudgetTotal = typeof BudgetTotal.Type

/**
 * The lines of one award over a population: how many are due, superseded and of unknown amount, the money due
 * (万元) and the points due.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AwardTally = Schema.Struct({
  award: Schema.String,
  lines: Schema.Int,
  due: Schema.Int,
  superseded: Schema.Int,
  unspecified: Schema.Int,
  amount: Schema.Number.annotations({ description: "万元 due" }),
  points: Schema.Number,
  enterprises: Schema.Int,
}).annotations({ identifier: "AwardTally" })

/**
 * @since 0.1.0
 * @category models
 */
export type AwardTally = typeof AwardTally.Type

/**
 * A budget simulation: money due per payer and budget year (points excluded), the number of lines, the lines
 * whose amount is unknown (exposure the budget cannot price yet), the enterprises with any line, and a tally per
 * award in the order the awards are listed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Budget = Schema.Struct({
  totals: Schema.Array(BudgetTotal),
  lines: Schema.Int,
  unspecified: Schema.Int,
  enterprises: Schema.Int,
  byAward: Schema.Array(AwardTally),
}).annotations({ identifier: "AwardBudget" })

/**
 * @since 0.1.0
 * @category models
 */
export type Budget = typeof Budget.Type

/**
 * Simulates the awards over a population: every enterprise's entitlements in the window (or calendar `year`),
 * summed per paying unit and budget year. Linear in the number of enterprises and their histories, so 100,000
 * enterprises take well under a second per award.
 *
 * @example
 * Award.budget(pack.awards, enterprises, { year: 2024, asOf: "2024-12-31" }).totals
 * // [{ payer: "cq-czj", budgetYear: 2024, amount: 1250, lines: 25 }]
 *
 * @since 0.1.0
 * @category computing
 */
export const budget = (
  awards: ReadonlyArray<Award>,
  enterprises: Iterable<Enterprise>,
  options: Window & { readonly year?: number },
): Budget => {
  const window = windowOf(options)
  const totals = new Map<string, Mutable<BudgetTotal>>()
  const tallies = new Map<string, Mutable<AwardTally>>()
  for (const a of awards)
    if (!tallies.has(a.id))
      tallies.set(a.id, {
        award: a.id,
        lines: 0,
        due: 0,
        superseded: 0,
        unspecified: 0,
        amount: 0,
        points: 0,
        enterprises: 0,
      })
  let lines = 0
  let unspecified = 0
  let withLines = 0
  const counted = new Set<string>()
  const prepared = prepare(awards)
  for (const e of enterprises) {
    const mine = linesOf(prepared, e, window)
    if (mine.length > 0) withLines++
    counted.clear()
    for (const line of mine) {
      lines++
      const tally = tallies.get(line.award)!
      tally.lines++
      if (!counted.has(line.award)) {
        counted.add(line.award)
        tally.enterprises++
      }
      if (line.status === "unspecified") {
        unspecified++
        tally.unspecified++
        continue
      }
      if (line.status === "superseded") {
        tally.superseded++
        continue
      }
      tally.due++
      if (line.unit === "points") {
        tally.points += line.amount!
        continue
      }
      tally.amount += line.amount!
      const key = `${line.payer ?? ""}\u0000${line.budgetYear}`
      const total = totals.get(key)
      if (total === undefined)
        totals.set(key, { payer: line.payer, budgetYear: line.budgetYear, amount: line.amount!, lines: 1 })
      else {
        total.amount += line.amount!
        total.lines++
      }
    }
  }
  return {
    totals: [...totals.values()]
      .map((t) => ({ ...t, amount: round(t.amount) }))
      .sort((a, b) => a.budgetYear - b.budgetYear || (a.payer ?? "").localeCompare(b.payer ?? "")),
    lines,
    unspecified,
    enterprises: withLines,
    byAward: [...tallies.values()].map((t) => ({ ...t, amount: round(t.amount), points: round(t.points) })),
  }
}

const windowOf = (options: Window & { readonly year?: number }): Window => {
  if (options.year === undefined) return options
  const start = `${String(options.year).padStart(4, "0")}-01-01`
  const end = `${String(options.year).padStart(4, "0")}-12-31`
  return {
    asOf: options.asOf,
    from: options.from !== undefined && options.from > start ? options.from : start,
    to: options.to !== undefined && options.to < end ? options.to : end,
  }
}

const formatAmount = (line: Entitlement, lang: Lang): string => {
  if (line.amount === null)
    return lang === "zh" ? "金额未定（原文未载明，待确定）" : "amount not set (the source states none)"
  if (line.unit === "points") return lang === "zh" ? `加${line.amount}分` : `+${line.amount} points`
  return lang === "zh" ? `${line.amount}万元` : `CNY ${(line.amount * 10_000).toLocaleString("en-US")}`
}

/**
 * One entitlement line as a sentence, citing its clause and paying unit. Pass the award to name it; otherwise
 * its id is used.
 *
 * @example
 * Award.describe(line, "zh", award)
 * // "2023-05-10 重庆股份转让中心挂牌：重庆市企业上市分阶段奖励，50万元，应予发放。依据：reference/national-criteria.md §…；支付单位：未载明。"
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (line: Entitlement, lang: Lang, award?: Award): string => {
  const event = describeEvent(line.event)[lang]
  const name = award !== undefined ? award.name[lang] : line.award
  const amount = formatAmount(line, lang)
  const cite = label(line.cite)
  if (lang === "zh") {
    const status =
      line.status === "due"
        ? "应予发放"
        : line.status === "superseded"
          ? "按就高不重复原则由同组更高奖励替代，不予发放"
          : "待定金额后发放"
    return `${line.on} ${event}：${name}，${amount}，${status}。依据：${cite}；支付单位：${line.payer ?? "未载明"}。`
  }
  const status =
    line.status === "due"
      ? "due"
      : line.status === "superseded"
        ? "superseded by a higher award in its group (highest only, 就高不重复)"
        : "pending an amount"
  return `${line.on} ${event}: ${name}, ${amount}, ${status}. Clause: ${cite}; paid by: ${line.payer ?? "not stated"}.`
}
