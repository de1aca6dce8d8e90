/**
 * Form validation with the API's own schemas (from @srdi/core): the same decode the server runs, with each issue
 * keyed by field so the message sits next to its input.
 */
import { Calendar, DecodeError, Enterprise, Region, Task, Uscc } from "@srdi/core"
import { Either, Schema } from "effect"

/** The outcome of checking a form: the decoded value, or messages by field. */
export type Checked<A> =
  { readonly ok: true; readonly value: A } | { readonly ok: false; readonly errors: Record<string, string> }

/** Decodes values already shaped for the schema (numbers, booleans); issues keyed by their first path segment. */
export const checkValues = <A, I>(
  schema: Schema.Schema<A, I, never>,
  subject: string,
  input: Record<string, unknown>,
  lang: string,
): Checked<A> => {
  const result = DecodeError.decode(schema, subject)(input)
  if (Either.isRight(result)) return { ok: true, value: result.right }
  const errors: Record<string, string> = {}
  for (const issue of result.left.issues) {
    const key = String(issue.path[0] ?? "(root)")
    errors[key] ??= lang.startsWith("en") ? issue.message.en : issue.message.zh
  }
  return { ok: false, errors }
}

/** Decodes a form's values; `lang` picks the message language. Empty strings count as absent. */
export const check = <A, I>(
  schema: Schema.Schema<A, I, never>,
  subject: string,
  values: Record<string, string>,
  lang: string,
): Checked<A> => checkValues(schema, subject, present(values), lang)

const present = (values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim() !== "")
      .map(([k, v]) => [k, v.trim()]),
  )

/** The fields of an enterprise's profile: core's Enterprise schema, field for field (the API decodes the whole record with it). */
export const ProfileForm = Schema.Struct({
  uscc: Enterprise.Enterprise.fields.uscc,
  name: Enterprise.Enterprise.fields.name,
  region: Enterprise.Enterprise.fields.region,
  industry: Enterprise.Enterprise.fields.industry,
  foundedOn: Enterprise.Enterprise.fields.foundedOn,
  nicheSince: Enterprise.Enterprise.fields.nicheSince,
  strategicEmerging: Enterprise.Enterprise.fields.strategicEmerging,
})

/** A profile as the API takes it: text fields trimmed (empty ones left out), the yes / no / unknown choice as a boolean. */
export const checkProfile = (values: Record<string, string>, lang: string): Checked<typeof ProfileForm.Type> => {
  const { strategicEmerging, ...text } = values
  const input: Record<string, unknown> = present(text)
  if (strategicEmerging === "true" || strategicEmerging === "false")
    input.strategicEmerging = strategicEmerging === "true"
  return checkValues(ProfileForm, "enterprise", input, lang)
}

/** One financial year: core's `Enterprise.FinancialYear`. Typed numbers become numbers; anything else is left for the schema to name. */
export const checkFinancialYear = (values: Record<string, string>, lang: string): Checked<Enterprise.FinancialYear> => {
  const input: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(present(values))) {
    const n = Number(v.replace(/[,，]/g, ""))
    input[k] = Number.isFinite(n) ? n : v
  }
  return checkValues(Enterprise.FinancialYear, "financials", input, lang)
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

/** A payment of an approved claim: the API's body of `POST /awards/claims/{id}/payments`. */
export const PaymentForm = Schema.Struct({
  paidOn: Calendar.IsoDate,
  reference: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
})
