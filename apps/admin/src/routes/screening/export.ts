/**
 * Decisions as a CSV file Excel opens directly (UTF-8 with BOM, Chinese headers, reasons joined).
 */
import type { Decision } from "../../lib/api/types.js"

const quote = (v: unknown): string => {
  const s = v === null || v === undefined ? "" : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** The CSV text of decisions. */
export const decisionsCsv = (rows: ReadonlyArray<Decision>): string => {
  const head = [
    "统一社会信用代码 uscc",
    "地区 region",
    "结论 verdict",
    "得分 score",
    "差距 distance",
    "临界 nearMiss",
    "理由 reasons",
    "政策包 pack",
    "规则 rule",
    "基准日期 asOf",
  ]
  const lines = rows.map((d) =>
    [
      d.uscc,
      d.region,
      d.verdict,
      d.score,
      d.distance,
      d.nearMiss,
      (d.reasons?.zh ?? []).join("；"),
      `${d.packId}@${d.packVersion}`,
      d.ruleId,
      d.asOf,
    ]
      .map(quote)
      .join(","),
  )
  return "\uFEFF" + [head.map(quote).join(","), ...lines].join("\r\n") + "\r\n"
}
