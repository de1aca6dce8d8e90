/**
 * Seed 003 二（一）'s six criteria written for json-rules-engine, the popular npm rules engine: the raw enterprise
 * goes in as a fact and dynamic facts derive last year's revenue, R&D intensity, the main-product IP count, the
 * title and the attestations, as a user of that engine would write them. It answers eligible / not eligible only
 * (it has no review or missing-data outcomes), which is less work than the compiled rule does.
 */
import { Engine } from "json-rules-engine"
import type { Enterprise } from "../src/index.js"

/** An engine holding the rule, and a function screening one enterprise (true when eligible). */
export const jsonRulesEngine = (asOf: string) => {
  const lastYear = Number(asOf.slice(0, 4)) - 1
  const engine = new Engine([], { allowUndefinedFacts: true })
  const ent = (almanac: { factValue: <T>(id: string) => Promise<T> }) =>
    almanac.factValue<Enterprise.Enterprise>("enterprise")
  const year = (e: Enterprise.Enterprise) => e.financials.find((f) => f.year === lastYear)
  engine.addFact("revenue", async (_p, almanac) => year(await ent(almanac))?.revenue)
  engine.addFact("rdIntensity", async (_p, almanac) => {
    const f = year(await ent(almanac))
    if (f?.revenue === undefined || f.rdExpense === undefined || f.revenue === 0) return undefined
    return Math.round(((f.rdExpense * 100) / f.revenue) * 1e9) / 1e9
  })
  engine.addFact("ipMainProduct", async (_p, almanac) => {
    const e = await ent(almanac)
    const latest = e.ip.filter((s) => s.asOf <= asOf).sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0]
    return latest?.classIMainProduct
  })
  engine.addFact("techCenter", async (_p, almanac) => {
    const e = await ent(almanac)
    return e.titles.some(
      (h) =>
        (h.title === "municipal_tech_center" || h.title === "tech_innovation_demo") &&
        (h.level === "municipal" || h.level === "provincial" || h.level === "national") &&
        h.grantedOn <= asOf &&
        (h.revokedOn === undefined || h.revokedOn > asOf) &&
        (h.expiresOn === undefined || asOf <= h.expiresOn),
    )
  })
  engine.addFact("attested", async (params: Record<string, unknown>, almanac) => {
    const e = await ent(almanac)
    const latest = e.attestations
      .filter((a) => a.criterion === params.criterion && a.attestedOn <= asOf)
      .sort((a, b) => (a.attestedOn < b.attestedOn ? 1 : -1))[0]
    return latest?.value
  })
  engine.addRule({
    name: "hard-tech-pool-003",
    conditions: {
      all: [
        { fact: "revenue", operator: "lessThanInclusive", value: 10000 },
        { fact: "attested", params: { criterion: "hard_tech_core_technology" }, operator: "equal", value: true },
        { fact: "techCenter", operator: "equal", value: true },
        { fact: "rdIntensity", operator: "greaterThanInclusive", value: 5 },
        { fact: "ipMainProduct", operator: "greaterThanInclusive", value: 1 },
        { fact: "attested", params: { criterion: "supply_chain_key_results" }, operator: "equal", value: true },
      ],
    },
    event: { type: "eligible" },
  })
  return async (e: Enterprise.Enterprise): Promise<boolean> => (await engine.run({ enterprise: e })).events.length > 0
}
