/**
 * Indicator getters compiled for one evaluation date: plain closures returning a number, `NaN` when an input is
 * missing (or a divisor is zero), so the verdict path allocates nothing. `Indicator.compute` is the reference
 * implementation; the trace path calls it only to name the missing inputs.
 */
import { type IsoDate, toDays } from "../Calendar.js"
import type { Enterprise, FinancialYear } from "../Enterprise.js"
import { type IndicatorId, isYearly, type Ref, years } from "../Indicator.js"
import { percent } from "./rule-percent.js"

/** Reads one year's value from the financials: `NaN` when missing. */
export type YearGetter = (financials: ReadonlyArray<FinancialYear>, year: number) => number

/** Reads a number from the enterprise: `NaN` when missing. */
export type Getter = (e: Enterprise) => number

// Several criteria read the same year (or IP snapshot) of the same enterprise in a row: remember the last lookup.
// Keyed by the array's identity and length, so a new or grown array is looked up afresh.
let finArray: ReadonlyArray<FinancialYear> | undefined
let finLength = -1
let finYear = NaN
let finRow: FinancialYear | undefined

const find = (financials: ReadonlyArray<FinancialYear>, y: number): FinancialYear | undefined => {
  if (financials === finArray && y === finYear && financials.length === finLength) return finRow
  let row: FinancialYear | undefined
  for (let i = 0; i < financials.length; i++) {
    const f = financials[i]!
    if (f.year === y) {
      row = f
      break
    }
  }
  finArray = financials
  finLength = financials.length
  finYear = y
  finRow = row
  return row
}

type Snapshot = Enterprise["ip"][number]

let ipArray: ReadonlyArray<Snapshot> | undefined
let ipLength = -1
let ipAsOf = ""
let ipRow: Snapshot | undefined

/** The latest IP snapshot dated on or before `asOf`. */
const latestIp = (ip: ReadonlyArray<Snapshot>, asOf: IsoDate): Snapshot | undefined => {
  if (ip === ipArray && asOf === ipAsOf && ip.length === ipLength) return ipRow
  let best: Snapshot | undefined
  for (let i = 0; i < ip.length; i++) {
    const s = ip[i]!
    if (s.asOf <= asOf && (best === undefined || s.asOf > best.asOf)) best = s
  }
  ipArray = ip
  ipLength = ip.length
  ipAsOf = asOf
  ipRow = best
  return best
}

type Field = (f: FinancialYear) => number | undefined

// One accessor per field keeps property loads monomorphic in the hot loop.
const FIELD: Record<string, Field> = {
  revenue: (f) => f.revenue,
  mainBusinessRevenue: (f) => f.mainBusinessRevenue,
  rdExpense: (f) => f.rdExpense,
  netProfit: (f) => f.netProfit,
  totalAssets: (f) => f.totalAssets,
  totalLiabilities: (f) => f.totalLiabilities,
  employees: (f) => f.employees,
  rdEmployees: (f) => f.rdEmployees,
  newEquity: (f) => f.newEquity,
  nicheMarketShare: (f) => f.nicheMarketShare,
}

const raw =
  (get: Field): YearGetter =>
  (fin, y) => {
    const f = find(fin, y)
    if (f === undefined) return NaN
    const v = get(f)
    return v === undefined ? NaN : v
  }

const ratio =
  (top: Field, bottom: Field): YearGetter =>
  (fin, y) => {
    const f = find(fin, y)
    if (f === undefined) return NaN
    const a = top(f)
    const b = bottom(f)
    if (a === undefined || b === undefined || b === 0) return NaN
    return percent(a, b)
  }

const growth =
  (get: Field): YearGetter =>
  (fin, y) => {
    const f = find(fin, y)
    const p = find(fin, y - 1)
    if (f === undefined || p === undefined) return NaN
    const a = get(f)
    const b = get(p)
    if (a === undefined || b === undefined || b === 0) return NaN
    return percent(a - b, b)
  }

/** The per-year getter of a yearly indicator. */
export const yearGetter = (id: IndicatorId): YearGetter => {
  switch (id) {
    case "rdIntensity":
      return ratio(FIELD.rdExpense!, FIELD.revenue!)
    case "mainBusinessShare":
      return ratio(FIELD.mainBusinessRevenue!, FIELD.revenue!)
    case "debtRatio":
      return ratio(FIELD.totalLiabilities!, FIELD.totalAssets!)
    case "netProfitMargin":
      return ratio(FIELD.netProfit!, FIELD.revenue!)
    case "rdStaffShare":
      return ratio(FIELD.rdEmployees!, FIELD.employees!)
    case "revenueGrowth":
      return growth(FIELD.revenue!)
    case "mainBusinessGrowth":
      return growth(FIELD.mainBusinessRevenue!)
    default:
      return raw(FIELD[id]!)
  }
}

type IpField = (s: Enterprise["ip"][number]) => number | undefined

const IP: Record<string, IpField> = {
  ipClassI: (s) => s.classI,
  ipClassII: (s) => s.classII,
  ipClassIHighValue: (s) => s.classIHighValue,
  ipClassISelfDeveloped: (s) => s.classISelfDeveloped,
  ipClassIMainProduct: (s) => s.classIMainProduct,
  ipClassIApplied: (s) => s.classIApplied,
}

const pointGetter = (id: IndicatorId, asOf: IsoDate): Getter => {
  const asOfDays = toDays(asOf)
  switch (id) {
    case "yearsInNiche":
      return (e) => (e.nicheSince === undefined ? NaN : (asOfDays - toDays(e.nicheSince)) / 365.2425)
    case "yearsSinceFounded":
      return (e) => (e.foundedOn === undefined ? NaN : (asOfDays - toDays(e.foundedOn)) / 365.2425)
    case "strategicEmerging":
      return (e) => (e.strategicEmerging === undefined ? NaN : e.strategicEmerging ? 1 : 0)
    default: {
      const get = IP[id]!
      return (e) => {
        const best = latestIp(e.ip, asOf)
        if (best === undefined) return NaN
        const v = get(best)
        return v === undefined ? NaN : v
      }
    }
  }
}

/** The year numbers a reference reads (oldest first) and the per-year getter; `undefined` for point-in-time ids. */
export const yearly = (
  ref: Ref,
  asOf: IsoDate,
): { readonly years: ReadonlyArray<number>; readonly get: YearGetter } | undefined =>
  isYearly(ref.id) ? { years: years(ref, asOf), get: yearGetter(ref.id) } : undefined

/**
 * A scalar getter for a reference: the aggregate of its years (`each` reads the latest year, for bands and
 * switches that need one number), or the point-in-time value.
 */
export const scalar = (ref: Ref, asOf: IsoDate): Getter => {
  const y = yearly(ref, asOf)
  if (y === undefined) return pointGetter(ref.id, asOf)
  const ys = y.years
  const get = y.get
  const aggregate = ref.aggregate ?? "each"
  const last = ys[ys.length - 1]!
  if (aggregate === "each" || ys.length === 1) return (e) => get(e.financials, last)
  return (e) => {
    const fin = e.financials
    let acc = aggregate === "min" ? Infinity : aggregate === "max" ? -Infinity : 0
    for (let i = 0; i < ys.length; i++) {
      const v = get(fin, ys[i]!)
      if (v !== v) return NaN
      if (aggregate === "min") acc = v < acc ? v : acc
      else if (aggregate === "max") acc = v > acc ? v : acc
      else acc += v
    }
    return aggregate === "avg" ? acc / ys.length : acc
  }
}
