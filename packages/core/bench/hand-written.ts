/**
 * Seed 003 二（一）'s six criteria as a plain TypeScript function — what a developer would write by hand for one
 * rule, with the same semantics as the compiled rule (soft revenue criterion, attestations, 市级 title valid on the
 * date, missing data → insufficient_data). The benchmark checks both give the same counts.
 */
import { Calendar, type Enterprise, type Rule, Title } from "../src/index.js"

const TECH = ["municipal_tech_center", "tech_innovation_demo"]
const LEVEL: Record<string, number> = { national: 4, provincial: 3, municipal: 2, district: 1 }

const attestation = (e: Enterprise.Enterprise, criterion: string, asOf: string): boolean | undefined => {
  let best: Enterprise.Attestation | undefined
  for (const a of e.attestations)
    if (a.criterion === criterion && a.attestedOn <= asOf && (best === undefined || a.attestedOn >= best.attestedOn))
      best = a
  return best?.value
}

const heldTechCenter = (e: Enterprise.Enterprise, asOf: string): boolean => {
  for (const h of e.titles) {
    if (!TECH.includes(h.title) || h.level === undefined || LEVEL[h.level]! < 2) continue
    if (h.grantedOn > asOf || (h.revokedOn !== undefined && h.revokedOn <= asOf)) continue
    const years = Title.KNOWN[h.title]?.validityYears
    const until =
      h.expiresOn ??
      (years === undefined
        ? undefined
        : Calendar.fromDays(Calendar.toDays(Calendar.addYears(h.reviewedOn ?? h.grantedOn, years)) - 1))
    if (until === undefined || asOf <= until) return true
  }
  return false
}

/** The hand-written screen of seed 003's six criteria. */
export const handWritten = (asOf: string) => {
  const lastYear = Number(asOf.slice(0, 4)) - 1
  return (e: Enterprise.Enterprise): Rule.Verdict => {
    let fy: Enterprise.FinancialYear | undefined
    for (const f of e.financials) if (f.year === lastYear) fy = f
    let ipMain: number | undefined
    let ipDate = ""
    let hasIp = false
    for (const s of e.ip)
      if (s.asOf <= asOf && (!hasIp || s.asOf > ipDate)) {
        hasIp = true
        ipDate = s.asOf
        ipMain = s.classIMainProduct
      }
    const revenue = fy?.revenue
    const rd = fy?.rdExpense
    const intensity =
      revenue === undefined || rd === undefined || revenue === 0
        ? undefined
        : Math.round(((rd * 100) / revenue) * 1e9) / 1e9
    const hardTech = attestation(e, "hard_tech_core_technology", asOf)
    const supply = attestation(e, "supply_chain_key_results", asOf)
    // all: fail > unknown > review > pass
    const fail =
      hardTech === false ||
      supply === false ||
      !heldTechCenter(e, asOf) ||
      (intensity !== undefined && intensity < 5) ||
      (ipMain !== undefined && ipMain < 1)
    if (fail) return "ineligible"
    if (revenue === undefined || intensity === undefined || ipMain === undefined) return "insufficient_data"
    if (revenue > 10000 || hardTech === undefined || supply === undefined) return "needs_review"
    return "eligible"
  }
}
