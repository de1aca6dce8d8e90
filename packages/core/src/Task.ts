/**
 * Tasks and safeguard measures: the numbered clauses of a plan, their lead (牵头) and cooperating (配合) units,
 * and progress reports against them.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { IsoDate } from "./Calendar.js"
import { Citation } from "./Citation.js"
import { Text } from "./Locale.js"
import { UnitId } from "./Unit.js"

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
  section: Schema.optional(Schema.String).annotations({ description: "The heading it sits under, e.g. （一）加强孵化培育…" }),
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
