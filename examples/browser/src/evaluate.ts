// The evaluation the page runs: a demo firm (演示·) whose last-year figures come from the form, screened against the
// innovative-SME rule in force on the date. Pure: it runs the same in the browser and in Node.
import { Enterprise, Explain, Rule } from "@srdi/core"
import { resolved } from "@srdi/pack-cn-miit-tiers"
import { Either } from "effect"

export interface Figures {
  readonly revenue: number
  readonly rdExpense: number
  readonly totalAssets: number
  readonly totalLiabilities: number
}

export interface Shown {
  readonly verdict: Rule.Verdict
  readonly score: number | undefined
  readonly summary: string
  readonly reasons: ReadonlyArray<string>
}

export const evaluate = (figures: Figures, asOf = "2025-06-30"): Shown => {
  const firm = Either.getOrThrow(
    Enterprise.decode({
      uscc: "91500151MA7000001P",
      name: "演示·铜梁精研传感科技有限公司",
      region: "500151",
      strategicEmerging: true,
      financials: [
        { year: 2022, revenue: 4000, newEquity: 0 },
        { year: 2023, revenue: 4500, mainBusinessRevenue: 3600, newEquity: 0 },
        { year: 2024, mainBusinessRevenue: figures.revenue * 0.8, newEquity: 0, ...figures },
      ],
      ip: [{ asOf: "2025-01-01", classI: 1, classII: 3, classIHighValue: 0, classISelfDeveloped: 1 }],
    }),
  )
  const rule = Rule.inForce(resolved.rules, asOf).find((r) => r.decides === "innovative_sme")!
  const result = Rule.evaluate(rule, firm, asOf)
  return {
    verdict: result.verdict,
    score: result.score,
    summary: Explain.summary(result, "zh"),
    reasons: result.reasons.zh,
  }
}
