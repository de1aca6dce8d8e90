/**
 * Tasks and safeguard measures: the numbered clauses of a plan, their lead (牵头) and cooperating (配合) units,
 * and progress reports against them.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Calendar from "./Calendar.js"
import { IsoDate } from "./Calendar.js"
import { Citation } from "./Citation.js"
import { isWithinPeriod, parsePeriod, type Period as PlanPeriod, periodsBetween } from "./internal/plan-periods.js"
import { Text } from "./Locale.js"
import { type Unit, UnitId } from "./Unit.js"

/**
 * A numbered task (重点任务) or safeguard measure (保障措施). `lead` may be empty only where the source gives no
 * units, which the pack then records as a gap (`unitsGiven: false`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Task = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  kind: Schema.Literal("task", "safeguard"),
  number: Schema.NonEmptyTrimmedString.annotations({ description: "The number as printed, e.g. 1 or （一）" }),
  section: Schema.optional(Schema.String).annotations({
    description: "The heading it sits under, e.g. （一）加强孵化培育…",
  }),
  title: Text,
  lead: Schema.Array(UnitId),
  cooperating: Schema.optionalWith(Schema.Array(UnitId), { default: () => [] }),
  unitsGiven: Schema.optionalWith(Schema.Boolean, { default: () => true }).annotations({
    description: "False where the source assigns no units to this clause",
  }),
  targets: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
  recurrence: Schema.optional(Schema.Literal("annual", "quarterly", "monthly", "ongoing", "once")),
  due: Schema.optional(IsoDate),
  cite: Citation,
}).annotations({ identifier: "Task" })

/**
 * @since 0.1.0
 * @category models
 */
export type Task = typeof Task.Type

/**
 * The role of a unit on a task.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = Schema.Literal("lead", "cooperating")

/**
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * A progress report by a unit on a task for a period (`2024`, `2024-Q3` or `2024-07`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Report = Schema.Struct({
  task: Schema.NonEmptyTrimmedString,
  unit: UnitId,
  period: Schema.String.pipe(Schema.pattern(/^\d{4}(-Q[1-4]|-\d{2})?$/)),
  reportedOn: IsoDate,
  status: Schema.Literal("not_started", "in_progress", "done", "blocked"),
  note: Schema.optional(Schema.String),
}).annotations({ identifier: "TaskReport" })

/**
 * @since 0.1.0
 * @category models
 */
export type Report = typeof Report.Type

/**
 * The role of a unit on a task: `lead` if it leads (even if also listed as cooperating), `cooperating`, or `undefined`.
 *
 * @since 0.1.0
 * @category getters
 */
export const roleOf = (task: Task, unit: UnitId): Role | undefined =>
  task.lead.includes(unit) ? "lead" : task.cooperating.includes(unit) ? "cooperating" : undefined

/**
 * One row of the responsibility matrix: a unit and its role on each column task, with counts.
 *
 * @since 0.1.0
 * @category models
 */
export interface MatrixRow {
  readonly unit: Unit
  readonly cells: ReadonlyArray<Role | undefined>
  readonly lead: number
  readonly cooperating: number
}

/**
 * The responsibility matrix (责任分工): one column per task that names its units, one row per unit (in the order
 * given, units with no task included). Tasks whose source assigns no units (`unitsGiven: false`, or no unit listed)
 * are set apart in `unassigned`; unit ids a task names that are not among `units` are listed in `unknownUnits`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Matrix {
  readonly columns: ReadonlyArray<Task>
  readonly rows: ReadonlyArray<MatrixRow>
  readonly unassigned: ReadonlyArray<Task>
  readonly unknownUnits: ReadonlyArray<{ readonly task: string; readonly unit: UnitId }>
}

/**
 * Builds the unit × task responsibility matrix.
 *
 * @example
 * const m = Task.matrix(tasks, units)
 * m.rows.find((r) => r.unit.id === "tl-kjj")?.cells // ["lead", "lead", "lead", ...]
 *
 * @since 0.1.0
 * @category combinators
 */
export const matrix = (tasks: ReadonlyArray<Task>, units: ReadonlyArray<Unit>): Matrix => {
  const assigned = (t: Task) => t.unitsGiven && t.lead.length + t.cooperating.length > 0
  const columns = tasks.filter(assigned)
  const known = new Set(units.map((u) => u.id))
  const unknownUnits = columns.flatMap((t) =>
    [...new Set([...t.lead, ...t.cooperating])].filter((u) => !known.has(u)).map((unit) => ({ task: t.id, unit })),
  )
  const rows = units.map((unit) => {
    const cells = columns.map((t) => roleOf(t, unit.id))
    return {
      unit,
      cells,
      lead: cells.filter((c) => c === "lead").length,
      cooperating: cells.filter((c) => c === "cooperating").length,
    }
  })
  return { columns, rows, unassigned: tasks.filter((t) => !assigned(t)), unknownUnits }
}

/**
 * A unit's portfolio: the tasks it leads and those it cooperates on (a unit listed as both counts as lead).
 *
 * @since 0.1.0
 * @category combinators
 */
export const portfolio = (
  tasks: ReadonlyArray<Task>,
  unit: UnitId,
): { readonly lead: ReadonlyArray<Task>; readonly cooperating: ReadonlyArray<Task> } => ({
  lead: tasks.filter((t) => roleOf(t, unit) === "lead"),
  cooperating: tasks.filter((t) => roleOf(t, unit) === "cooperating"),
})

/**
 * Days after the end of a reporting period before a missing report counts as overdue.
 *
 * @since 0.1.0
 * @category constants
 */
export const GRACE_DAYS = 30

/**
 * A reporting period: the id a report uses (`2024`, `2024-Q3`, `2024-07`) and its first and last days.
 *
 * @since 0.1.0
 * @category models
 */
export type Period = PlanPeriod

/**
 * The reporting periods of a recurring task that have ended by `asOf`, from the one holding `from` (the plan's
 * start) on. Annual, quarterly and monthly tasks have periods; `once`, `ongoing` and unspecified ones have none
 * (a one-off task answers to its `due` date).
 *
 * @example
 * Task.periodsDue(task1, "2022-10-25", "2024-06-30").map((p) => p.id) // ["2022", "2023"]
 *
 * @since 0.1.0
 * @category combinators
 */
export const periodsDue = (task: Task, from: IsoDate, asOf: IsoDate): ReadonlyArray<Period> => {
  const rhythm = task.recurrence
  if (rhythm !== "annual" && rhythm !== "quarterly" && rhythm !== "monthly") return []
  return periodsBetween(rhythm, from, asOf).filter((p) => p.end <= asOf)
}

/**
 * A lead unit that owes a report: for a period whose grace has run out with no `done` or `in_progress` report
 * for it (or for a period within it), or for a task whose `due` date has passed with no `done` report (`period`
 * then `null`). `dueOn` is the last day before it became overdue.
 *
 * @since 0.1.0
 * @category models
 */
export interface Overdue {
  readonly task: Task
  readonly unit: UnitId
  readonly period: string | null
  readonly dueOn: IsoDate
  readonly daysOverdue: number
}

/**
 * Where a lead unit stands on a task: its latest report (by report date, then period) and what it owes.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnitStatus {
  readonly unit: UnitId
  readonly latest: Report | undefined
  readonly overdue: ReadonlyArray<Overdue>
}

/**
 * Options of {@link status} and {@link overdue}: `from`, the first day reports are owed for (pass the plan's
 * start; by default 1 January of the year before `asOf`, so last year's report is always checked), and the grace.
 *
 * @since 0.1.0
 * @category models
 */
export interface StatusOptions {
  readonly from?: IsoDate
  readonly graceDays?: number
}

const COUNTS: ReadonlySet<Report["status"]> = new Set(["done", "in_progress"])

/**
 * The status of each lead unit of a task as of a date, from progress reports (reports dated after `asOf` are
 * ignored). Cooperating units are not chased: the lead answers for the clause.
 *
 * @example
 * // 二（一）1, led by 区经济信息委 and 区科技局, every year
 * Task.status(task1, reports, "2024-03-01", { from: "2022-10-25" })
 * // [{ unit: "tl-jxw", latest: …, overdue: [] }, { unit: "tl-kjj", latest: undefined, overdue: [{ period: "2022", … }, { period: "2023", … }] }]
 *
 * @since 0.1.0
 * @category combinators
 */
export const status = (
  task: Task,
  reports: ReadonlyArray<Report>,
  asOf: IsoDate,
  options: StatusOptions = {},
): ReadonlyArray<UnitStatus> => {
  const from = options.from ?? `${Calendar.year(asOf) - 1}-01-01`
  const grace = options.graceDays ?? GRACE_DAYS
  const asOfDays = Calendar.toDays(asOf)
  const periods = periodsDue(task, from, asOf)
  return [...new Set(task.lead)].map((unit) => {
    const mine = reports.filter((r) => r.task === task.id && r.unit === unit && r.reportedOn <= asOf)
    const latest = mine.reduce<Report | undefined>(
      (a, r) =>
        a === undefined || r.reportedOn > a.reportedOn || (r.reportedOn === a.reportedOn && r.period >= a.period)
          ? r
          : a,
      undefined,
    )
    const owed: Array<Overdue> = []
    for (const period of periods) {
      const dueOn = Calendar.fromDays(Calendar.toDays(period.end) + grace)
      if (dueOn >= asOf) continue
      const answered = mine.some((r) => {
        const covered = parsePeriod(r.period)
        return COUNTS.has(r.status) && covered !== undefined && isWithinPeriod(covered, period)
      })
      if (!answered) owed.push({ task, unit, period: period.id, dueOn, daysOverdue: asOfDays - Calendar.toDays(dueOn) })
    }
    if (task.due !== undefined && task.due < asOf && !mine.some((r) => r.status === "done"))
      owed.push({ task, unit, period: null, dueOn: task.due, daysOverdue: asOfDays - Calendar.toDays(task.due) })
    return { unit, latest, overdue: owed }
  })
}

/**
 * Everything overdue across tasks as of a date, most overdue first (see {@link status}).
 *
 * @since 0.1.0
 * @category combinators
 */
export const overdue = (
  tasks: ReadonlyArray<Task>,
  reports: ReadonlyArray<Report>,
  asOf: IsoDate,
  options: StatusOptions = {},
): ReadonlyArray<Overdue> =>
  tasks
    .flatMap((t) => status(t, reports, asOf, options).flatMap((s) => s.overdue))
    .sort((a, b) => b.daysOverdue - a.daysOverdue)
