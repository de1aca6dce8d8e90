// Example 3: a what-if reform simulated over a population.
//
// Baseline: the national 专精特新中小企业 criteria (工信部企业〔2022〕63号, condition 2: R&D expense ≥ 3% of revenue) and
// 铜梁's award for first recognition as 市级专精特新 (seed 000 二（一）1). The plan names that award but no amount, so
// the budget can only count it as unpriced exposure.
// What-if: (a) price the award at a hypothetical amount, (b) lower the R&D-intensity threshold. Both are inputs to a
// simulation, not policy: the amount is NOT in the plan, and the population is synthetic (labelled 演示· firms).
import { Award, Pack, Parameter, Rule, Synthetic, type Enterprise } from "@srdi/core"
import * as miit from "@srdi/pack-cn-miit-tiers"
import * as tongliang from "@srdi/pack-cq-tongliang-2022"
import { fileURLToPath } from "node:url"

/** Replaces the threshold of one compare node, from a date on (a dated parameter, like a real amendment). */
export const withThreshold = (rule: Rule.Rule, nodeId: string, value: number, from: string): Rule.Rule => {
  const visit = (node: Rule.Node): Rule.Node => {
    switch (node.kind) {
      case "compare": {
        if (node.id !== nodeId) return node
        const kept = node.threshold.filter((p) => p.from < from)
        const added = { from, value }
        return { ...node, threshold: kept[0] === undefined ? [added] : [kept[0], ...kept.slice(1), added] }
      }
      case "all":
      case "any":
      case "atLeast":
        return { ...node, of: node.of.map(visit) }
      case "not":
        return { ...node, of: visit(node.of) }
      case "switch":
        return { ...node, cases: node.cases.map((c) => ({ ...c, rule: visit(c.rule) })) }
      case "score":
        return { ...node, items: node.items.map((i) => visit(i) as Rule.Points) }
      case "points":
        return node.cases === undefined
          ? node
          : { ...node, cases: node.cases.map((c) => ({ ...c, when: visit(c.when) })) }
      default:
        return node
    }
  }
  return { ...rule, root: visit(rule.root) }
}

/** Recognises every eligible firm that does not hold the title yet, on a date: what a recognition round would do. */
const recognise = (firms: ReadonlyArray<Enterprise.Enterprise>, rule: Rule.Rule, asOf: string, on: string) => {
  const compiled = Rule.compile(rule, { asOf })
  return firms.map((f) =>
    compiled.verdict(f) === "eligible" && !f.titles.some((t) => t.title === "srdi_sme")
      ? { ...f, titles: [...f.titles, { title: "srdi_sme", level: "municipal" as const, grantedOn: on }] }
      : f,
  )
}

export interface Scenario {
  readonly verdicts: ReadonlyMap<string, Rule.Verdict>
  readonly budget: Award.Budget
}

export interface Simulation {
  readonly baseline: Scenario
  readonly reform: Scenario
  readonly changed: ReadonlyArray<{
    readonly uscc: string
    readonly name: string
    readonly from: Rule.Verdict
    readonly to: Rule.Verdict
  }>
  readonly thresholdChanges: Pack.Diff["thresholds"]
}

export const simulate = (options: {
  readonly size: number
  readonly seed: number
  readonly rdIntensity: number
  readonly amount: number
}): Simulation => {
  const asOf = "2025-06-30"
  const recognisedOn = "2025-07-01"
  const firms = Synthetic.population({ seed: options.seed, size: options.size, regions: ["500151"] })
  const base = miit.resolved.rules.find((r) => r.id === "srdi-sme-63")!
  const reformed = withThreshold(base, "c2.rd-intensity", options.rdIntensity, "2025-01-01")

  // The award priced at the what-if amount (万元), as a fixed amount from the plan's start.
  const awards = tongliang.resolved.awards
    .filter((a) => a.id === "tl-first-srdi-sme")
    .map((a) => ({ ...a, amount: { kind: "fixed" as const, value: Parameter.constant(options.amount, "2022-01-01") } }))

  const run = (rule: Rule.Rule): Scenario => {
    const compiled = Rule.compile(rule, { asOf })
    return {
      verdicts: new Map(firms.map((f) => [f.uscc, compiled.verdict(f)])),
      budget: Award.budget(awards, recognise(firms, rule, asOf, recognisedOn), { year: 2025, asOf: "2025-12-31" }),
    }
  }
  const baseline = run(base)
  const reform = run(reformed)
  const changed = firms
    .map((f) => ({
      uscc: f.uscc,
      name: f.name,
      from: baseline.verdicts.get(f.uscc)!,
      to: reform.verdicts.get(f.uscc)!,
    }))
    .filter((c) => c.from !== c.to)

  // The same reform as a pack diff: what a changeset for it would have to name.
  const before = miit.pack
  const after = {
    ...before,
    rules: before.rules.map((r) =>
      r.id === base.id ? withThreshold(r, "c2.rd-intensity", options.rdIntensity, "2025-01-01") : r,
    ),
  }
  return { baseline, reform, changed, thresholdChanges: Pack.diff(before, after).thresholds }
}

const main = () => {
  const s = simulate({ size: 5000, seed: 2022, rdIntensity: 2.5, amount: 10 })
  const money = (b: Award.Budget) => b.totals.reduce((sum, t) => sum + t.amount, 0)
  console.log("What-if (simulation only; synthetic 演示· firms; the 10万元 amount is hypothetical, not in the plan)")
  console.log(
    `  threshold: 研发投入强度 ≥ 3% → ≥ 2.5% from 2025-01-01 (${s.thresholdChanges.length} threshold change in the pack diff)`,
  )
  console.log(`  baseline: ${money(s.baseline.budget)} 万元 for ${s.baseline.budget.lines} first recognitions in 2025`)
  console.log(`  reform:   ${money(s.reform.budget)} 万元 for ${s.reform.budget.lines} first recognitions in 2025`)
  console.log(`  ${s.changed.length} firms change verdict:`)
  for (const c of s.changed.slice(0, 15)) console.log(`    ${c.uscc} ${c.name}: ${c.from} → ${c.to}`)
  if (s.changed.length > 15) console.log(`    … and ${s.changed.length - 15} more`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
