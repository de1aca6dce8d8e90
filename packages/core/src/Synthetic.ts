/**
 * Synthetic enterprise populations for demos, tests and benchmarks: seeded, deterministic, with realistic spreads
 * (log-normal revenue, mostly 500–20,000 万元; R&D intensity 0–12%; 3–5 years of financials; IP; a minority holding
 * titles). Every name starts with "演示·" — the data is invented and labelled as such.
 *
 * @since 0.1.0
 */
import { fromDays, type IsoDate, toDays } from "./Calendar.js"
import type { Attestation, Enterprise, FinancialYear, Honor, IpSnapshot } from "./Enterprise.js"
import { mulberry32, type Random } from "./internal/rule-random.js"
import type { Holding } from "./Title.js"
import { fromBody, type Uscc } from "./Uscc.js"

/**
 * A seeded random source (mulberry32): the same seed gives the same sequence.
 *
 * @example
 * const r = Synthetic.rng(42)
 * r.next() // uniform in [0, 1)
 *
 * @since 0.1.0
 * @category constructors
 */
export const rng = (seed: number): Random => mulberry32(seed)

/**
 * @since 0.1.0
 * @category models
 */
export type { Random }

/**
 * Chongqing districts and counties (GB/T 2260 codes) used when no regions are given.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_REGIONS: ReadonlyArray<string> = [
  "500101",
  "500102",
  "500103",
  "500104",
  "500105",
  "500106",
  "500107",
  "500108",
  "500109",
  "500112",
  "500113",
  "500151",
  "500240",
]

/**
 * Options of {@link population}: `lastYear` is the latest financial year (default 2024), `years` how many years of
 * financials at most (default 5; each firm gets 3 to `years`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly seed: number
  readonly size: number
  readonly regions?: ReadonlyArray<string>
  readonly lastYear?: number
  readonly years?: number
}

const INDUSTRIES = ["智能装备", "新材料", "电子信息", "生物医药", "汽车零部件", "节能环保", "软件", "精密制造"] as const
const ORG = "0123456789ABCDEFGHJKLMNPQRTUWXY"

const orgCode = (i: number): string => {
  // 9 characters: "MA" then the index in base 31, unique for up to 31^7 (27 billion) firms.
  let s = ""
  let n = i
  for (let k = 0; k < 7; k++) {
    s = ORG[n % 31]! + s
    n = Math.floor(n / 31)
  }
  return `MA${s}`
}

const round = (x: number, digits = 1): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

const dateIn = (r: Random, from: number, to: number): IsoDate => fromDays(r.int(from, to))

const titleHolding = (r: Random, title: string, level: Holding["level"], from: number, to: number): Holding => ({
  title,
  level,
  grantedOn: dateIn(r, from, to),
})

const financialYears = (r: Random, first: number, last: number, base: number): Array<FinancialYear> => {
  const out: Array<FinancialYear> = []
  const intensity = Math.min(12, Math.max(0, r.normal(4, 2.8)))
  const share = r.uniform(0.45, 1)
  const debt = r.uniform(0.15, 0.9)
  const margin = r.normal(0.06, 0.06)
  const employees = Math.max(5, Math.round((base / 60) * r.logNormal(1, 0.4)))
  const rdShare = r.uniform(0.05, 0.6)
  const equityRound = r.chance(0.1)
  let revenue = base
  for (let y = first; y <= last; y++) {
    const fy: FinancialYear = {
      year: y,
      revenue: round(revenue),
      mainBusinessRevenue: round(revenue * Math.min(1, share * r.uniform(0.95, 1.05))),
      rdExpense: round((revenue * Math.max(0, intensity * r.uniform(0.8, 1.2))) / 100),
      netProfit: round(revenue * (margin + r.normal(0, 0.02))),
      totalAssets: round(revenue * 1.2),
      totalLiabilities: round(revenue * 1.2 * Math.min(0.98, debt * r.uniform(0.9, 1.1))),
      employees: Math.round(employees * r.uniform(0.9, 1.1)),
      rdEmployees: Math.round(employees * rdShare),
      newEquity: equityRound && r.chance(0.4) ? round(r.logNormal(800, 1)) : 0,
    }
    // A few records lack a figure, as real filings do: the engine must report them as missing inputs.
    if (r.chance(0.03)) {
      const { rdExpense: _omit, ...rest } = fy
      out.push(rest)
    } else out.push(fy)
    revenue = revenue * (1 + r.normal(0.1, 0.15))
    if (revenue < 10) revenue = 10
  }
  return out
}

const ipSnapshot = (r: Random, last: number, rdRich: boolean): IpSnapshot => {
  const classI = Math.floor(r.logNormal(rdRich ? 3 : 0.8, 1))
  const classII = Math.floor(r.logNormal(6, 1))
  const detailed = r.chance(0.7)
  const part = (p: number): number => Math.floor(classI * r.uniform(0, p) + (r.chance(p) && classI > 0 ? 1 : 0))
  const snapshot: IpSnapshot = { asOf: `${last}-12-31`, classI, classII }
  return detailed
    ? {
        ...snapshot,
        classIHighValue: Math.min(classI, part(0.2)),
        classISelfDeveloped: Math.min(classI, part(0.8)),
        classIMainProduct: Math.min(classI, part(0.7)),
        classIApplied: Math.min(classI, part(0.6)),
      }
    : snapshot
}

/**
 * A seeded synthetic population: the same options give the same enterprises. Names are labelled demo data
 * ("演示·…"), USCCs are valid (check character computed, region code in positions 3–8) and unique per index.
 *
 * @example
 * const firms = Synthetic.population({ seed: 7, size: 1000 })
 * firms[0].name // "演示·某某智能装备有限公司（000001）"
 *
 * @since 0.1.0
 * @category constructors
 */
export const population = (options: Options): Array<Enterprise> => {
  const r = mulberry32(options.seed)
  const regions = options.regions ?? DEFAULT_REGIONS
  const last = options.lastYear ?? 2024
  const maxYears = Math.max(3, options.years ?? 5)
  const endDays = toDays(`${last}-12-31`)
  const recent = toDays(`${last - 3}-01-01`)
  const out: Array<Enterprise> = []
  for (let i = 0; i < options.size; i++) {
    const region = r.pick(regions)
    const industry = r.pick(INDUSTRIES)
    const base = Math.min(400000, Math.max(20, r.logNormal(3000, 1)))
    const count = r.int(3, maxYears)
    const financials = financialYears(r, last - count + 1, last, base)
    const lastFy = financials[financials.length - 1]!
    const rdRich =
      lastFy.rdExpense !== undefined && lastFy.revenue !== undefined && lastFy.rdExpense > lastFy.revenue * 0.05
    const founded = r.int(toDays("1995-01-01"), endDays - 365 * 2)
    const titles: Array<Holding> = []
    if (r.chance(0.3)) titles.push(titleHolding(r, "innovative_sme", "provincial", recent, endDays))
    if (r.chance(rdRich ? 0.2 : 0.06)) titles.push(titleHolding(r, "srdi_sme", "municipal", recent, endDays))
    if (r.chance(rdRich ? 0.04 : 0.005)) titles.push(titleHolding(r, "little_giant", "national", recent, endDays))
    if (r.chance(rdRich ? 0.35 : 0.12)) titles.push(titleHolding(r, "hnte", "national", recent, endDays))
    if (r.chance(rdRich ? 0.15 : 0.04))
      titles.push(titleHolding(r, "municipal_tech_center", "municipal", recent, endDays))
    const attestations: Array<Attestation> = []
    if (r.chance(0.12)) {
      const on = dateIn(r, recent, endDays)
      for (const criterion of ["hard_tech_core_technology", "supply_chain_key_results"])
        attestations.push({
          criterion,
          value: r.chance(0.6),
          evidence: "演示数据",
          attestedBy: "演示·审核员",
          attestedOn: on,
        })
    }
    const honors: Array<Honor> = r.chance(0.03)
      ? [
          {
            kind: "science_award",
            level: r.chance(0.3) ? "national" : "provincial",
            rank: r.int(1, 10),
            on: dateIn(r, recent, endDays),
          },
        ]
      : []
    const uscc: Uscc = fromBody(`91${region}${orgCode(i)}`)
    out.push({
      uscc,
      name: `演示·某某${industry}有限公司（${String(i + 1).padStart(6, "0")}）`,
      region,
      industry,
      foundedOn: fromDays(founded),
      nicheSince: fromDays(Math.min(endDays, founded + r.int(0, 3650))),
      strategicEmerging: r.chance(0.4),
      financials,
      ip: [ipSnapshot(r, last, rdRich)],
      titles,
      listing: [],
      pools: [],
      honors,
      attestations,
    })
  }
  return out
}
