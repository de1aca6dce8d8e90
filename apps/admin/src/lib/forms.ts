/**
 * Form validation with the API's own schemas (from @srdi/core): the same decode the server runs, with each issue
 * keyed by field so the message sits next to its input.
 */
import { Calendar, DecodeError, Region, Task, Uscc } from "@srdi/core"
import { Either, Schema } from "effect"

/** The outcome of checking a form: the decoded value, or messages by field. */
export type Checked<A> =
  { readonly ok: true; readonly value: A } | { readonly ok: false; readonly errors: Record<string, string> }

/** Decodes a form's values; `lang` picks the message language. Empty strings count as absent. */
export const check = <A, I>(
  schema: Schema.Schema<A, I, never>,
  subject: string,
  values: Record<string, string>,
  lang: string,
): Checked<A> => {
  const input = Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim() !== "")
      .map(([k, v]) => [k, v.trim()]),
  )
  const result = DecodeError.decode(schema, subject)(input)
  if (Either.isRight(result)) return { ok: true, value: result.right }
  const errors: Record<string, string> = {}
  for (const issue of result.left.issues) {
    const key = String(issue.path[0] ?? "(root)")
    errors[key] ??= lang.startsWith("en") ? issue.message.en : issue.message.zh
  }
  return { ok: false, errors }
}

/** The login form: the API's `Login` body (1–100 and 1–200 characters). */
export const LoginForm = Schema.Struct({
  username: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
  password: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)),
})

/** The screening form: the API's `ScreeningRequest` body, field for field. */
export const ScreeningForm = Schema.Struct({
  pack: Schema.String.pipe(Schema.minLength(1)),
  rule: Schema.optional(Schema.String),
  decides: Schema.optional(Schema.String),
  asOf: Calendar.IsoDate,
  uscc: Schema.optional(Uscc.Uscc),
  region: Schema.optional(Region.RegionCode),
})

/** The claim form: the API's body of `POST /awards/claims`. */
export const ClaimForm = Schema.Struct({
  pack: Schema.String.pipe(Schema.minLength(1)),
  uscc: Uscc.Uscc,
  asOf: Calendar.IsoDate,
})

/** A task progress report: the API's body of `POST /tasks/{task}/reports` (period and status from core's Task.Report). */
export const ReportForm = Schema.Struct({
  task: Task.Report.fields.task,
  unit: Schema.optional(Schema.String),
  period: Task.Report.fields.period,
  reportedOn: Calendar.IsoDate,
  status: Task.Report.fields.status,
  note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000))),
})
