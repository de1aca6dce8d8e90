/**
 * Reporting periods of recurring tasks, written as reports write them: `2024`, `2024-Q3`, `2024-07`.
 */
import { fromDays, toDays, type IsoDate } from "../Calendar.js"

/** A reporting period: its id as a report names it, and its first and last days. */
export interface Period {
  readonly id: string
  readonly start: IsoDate
  readonly end: IsoDate
}

/** The rhythms a period can follow. */
export type Rhythm = "annual" | "quarterly" | "monthly"

const pad = (n: number): string => String(n).padStart(2, "0")

const lastDayOf = (year: number, month: number): IsoDate =>
  fromDays(toDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`) - 1)

/** The period of a rhythm that holds a date. */
export const periodOf = (rhythm: Rhythm, date: IsoDate): Period => {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  switch (rhythm) {
    case "annual":
      return { id: `${year}`, start: `${year}-01-01`, end: `${year}-12-31` }
    case "quarterly": {
      const q = Math.ceil(month / 3)
      return { id: `${year}-Q${q}`, start: `${year}-${pad(3 * q - 2)}-01`, end: lastDayOf(year, 3 * q) }
    }
    case "monthly":
      return { id: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01`, end: lastDayOf(year, month) }
  }
}

/** The days a period id (`2024`, `2024-Q3`, `2024-07`) covers, or `undefined` for an id of another shape. */
export const parsePeriod = (id: string): Period | undefined => {
  const m = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(id)
  if (m === null) return undefined
  if (m[2] !== undefined) return periodOf("quarterly", `${m[1]}-${pad(3 * Number(m[2]))}-01`)
  if (m[3] !== undefined) {
    const month = Number(m[3])
    return month >= 1 && month <= 12 ? periodOf("monthly", `${m[1]}-${m[3]}-01`) : undefined
  }
  return periodOf("annual", `${m[1]}-01-01`)
}

/** The periods of a rhythm from the one holding `from` to the one holding `to`, in order. */
export const periodsBetween = (rhythm: Rhythm, from: IsoDate, to: IsoDate): ReadonlyArray<Period> => {
  const out: Array<Period> = []
  if (to < from) return out
  let period = periodOf(rhythm, from)
  while (period.start <= to) {
    out.push(period)
    period = periodOf(rhythm, fromDays(toDays(period.end) + 1))
  }
  return out
}

/** Whether period `inner` lies within `outer` (a quarterly report counts towards its year). */
export const isWithinPeriod = (inner: Period, outer: Period): boolean =>
  inner.start >= outer.start && inner.end <= outer.end
