/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, the way plans write them (no times, no time zones).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const isRealDate = (s: string): boolean => {
  const m = ISO_DATE.exec(s)
  if (m === null) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

/**
 * A calendar date written `YYYY-MM-DD`, checked to exist (no 2023-02-30).
 *
 * @since 0.1.0
 * @category schemas
 */
export const IsoDate = Schema.String.pipe(
  Schema.filter(
    (s) =>
      isRealDate(s) || `日期应写为 YYYY-MM-DD 且真实存在，收到“${s}” / expected a date written YYYY-MM-DD, got "${s}"`,
  ),
  Schema.annotations({
    identifier: "IsoDate",
    title: "date",
    description: "A calendar date written YYYY-MM-DD",
    examples: ["2025-12-31"],
    jsonSchema: { type: "string", format: "date" },
  }),
)

/**
 * @since 0.1.0
 * @category models
 */
export type IsoDate = typeof IsoDate.Type

/**
 * Whether a string is a real `YYYY-MM-DD` date.
 *
 * @since 0.1.0
 * @category guards
 */
export const isIsoDate = (s: string): s is IsoDate => isRealDate(s)

/**
 * The year of a date.
 *
 * @example
 * Calendar.year("2025-06-30") // 2025
 *
 * @since 0.1.0
 * @category getters
 */
export const year = (date: IsoDate): number => Number(date.slice(0, 4))

/**
 * Days from the civil epoch (1970-01-01), for date arithmetic without `Date` objects.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toDays = (date: IsoDate): number => {
  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  let y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The date a number of days from the civil epoch falls on.
 *
 * @since 0.1.0
 * @category conversions
 */
export const fromDays = (days: number): IsoDate => {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
}

/**
 * Whole years between two dates (a birthday-style count: 2020-06-01 → 2022-05-31 is 1).
 *
 * @since 0.1.0
 * @category combinators
 */
export const fullYearsBetween = (from: IsoDate, to: IsoDate): number => {
  let years = year(to) - year(from)
  if (to.slice(5) < from.slice(5)) years -= 1
  return years
}

/**
 * Fractional years between two dates (days ÷ 365.2425); negative when `to` is before `from`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const yearsBetween = (from: IsoDate, to: IsoDate): number => (toDays(to) - toDays(from)) / 365.2425

/**
 * The date a number of years after another (29 February falls back to 28 February).
 *
 * @since 0.1.0
 * @category combinators
 */
export const addYears = (date: IsoDate, years: number): IsoDate => {
  const y = year(date) + years
  const md = date.slice(5)
  const safe = md === "02-29" && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? "02-28" : md
  return `${String(y).padStart(4, "0")}-${safe}`
}

/**
 * Orders two dates (negative, zero or positive), for `Array.prototype.sort`.
 *
 * @since 0.1.0
 * @category ordering
 */
export const compare = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0)
