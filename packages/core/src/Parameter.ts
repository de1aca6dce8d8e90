/**
 * Dated parameters: a threshold or amount whose value depends on the date it is read for,
 * the way OpenFisca parameters work. One pack answers "as of" any date.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Citation } from "./Citation.js"
import { IsoDate } from "./Calendar.js"

/**
 * One value of a parameter and the date it takes effect. `until` (inclusive) ends it early;
 * otherwise it holds until the next value's `from`. `value: null` marks an amount the source
 * leaves unspecified (for a district to fill in) — never a guess.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DatedValue = Schema.Struct({
  from: IsoDate,
  until: Schema.optional(IsoDate),
  value: Schema.NullOr(Schema.Number),
  provisional: Schema.optional(Schema.Boolean).annotations({
    description: "True where the reference marks the value as provisional",
  }),
  cite: Schema.optional(Citation),
}).annotations({ identifier: "DatedValue" })

/**
 * @since 0.1.0
 * @category models
 */
export type DatedValue = typeof DatedValue.Type

/**
 * A parameter: its dated values, oldest first. Every value needs an effective date.
 *
 * @example
 * const threshold: Parameter.Parameter = [
 *   { from: "2022-06-01", value: 3, cite },
 *   { from: "2026-04-01", value: 3, provisional: true, cite: cite2026 },
 * ]
 *
 * @since 0.1.0
 * @category schemas
 */
export const Parameter = Schema.NonEmptyArray(DatedValue).annotations({ identifier: "Parameter" })

/**
 * @since 0.1.0
 * @category models
 */
export type Parameter = typeof Parameter.Type

/**
 * The value in force on a date, or `undefined` when the date is before the first value or after an `until`.
 *
 * @example
 * Parameter.at([{ from: "2022-01-01", value: 5 }], "2025-01-01") // { from: "2022-01-01", value: 5 }
 *
 * @since 0.1.0
 * @category getters
 */
export const at = (parameter: Parameter, date: IsoDate): DatedValue | undefined => {
  let found: DatedValue | undefined
  for (const v of parameter) {
    if (v.from <= date) found = v
    else break
  }
  if (found === undefined) return undefined
  if (found.until !== undefined && found.until < date) return undefined
  return found
}

/**
 * The number in force on a date, or `undefined` if none is in force or the source leaves it unspecified.
 *
 * @since 0.1.0
 * @category getters
 */
export const valueAt = (parameter: Parameter, date: IsoDate): number | undefined => {
  const v = at(parameter, date)
  return v === undefined || v.value === null ? undefined : v.value
}

/**
 * A parameter with one value from a date on.
 *
 * @since 0.1.0
 * @category constructors
 */
export const constant = (value: number, from: IsoDate = "1900-01-01"): Parameter => [{ from, value }]

/**
 * Problems with the ordering of a parameter's values (dates must rise strictly; `until` not before `from`).
 * Returns one sentence per problem, with the index of the offending value.
 *
 * @since 0.1.0
 * @category validation
 */
export const orderingProblems = (
  parameter: Parameter,
): ReadonlyArray<{ readonly index: number; readonly message: string }> => {
  const out: Array<{ index: number; message: string }> = []
  parameter.forEach((v, i) => {
    const prev = parameter[i - 1]
    if (prev !== undefined && prev.from >= v.from)
      out.push({ index: i, message: `effective date ${v.from} is not after the previous value's ${prev.from}` })
    if (v.until !== undefined && v.until < v.from)
      out.push({ index: i, message: `until ${v.until} is before from ${v.from}` })
  })
  return out
}
