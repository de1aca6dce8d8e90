/**
 * Decisions as a spreadsheet: one row per decision with bilingual headers and the Chinese reasons. The XLSX writer
 * (write-excel-file, universal build) is loaded only when someone exports.
 */
import type { Decision } from "../../lib/api/types.js"

/** The header row. */
export const HEADERS = [
  "统一社会信用代码 USCC",
  "地区 region",
  "结论 verdict",
  "得分 score",
  "差距 distance",
  "临界 near miss",
  "理由 reasons",
  "政策包 pack",
  "规则 rule",
  "基准日期 as of",
] as const

/** The rows of a decision list, header first. */
export const decisionRows = (rows: ReadonlyArray<Decision>): Array<Array<string | number | boolean | null>> => [
  [...HEADERS],
  ...rows.map((d) => [
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
  ]),
]

/** An XLSX file of decisions. */
export const decisionsXlsx = async (rows: ReadonlyArray<Decision>): Promise<Blob> => {
  const { default: writeXlsxFile } = await import("write-excel-file/universal")
  const data = decisionRows(rows).map((r, i) =>
    r.map((value) => (i === 0 ? { value: String(value), fontWeight: "bold" as const } : value)),
  )
  return writeXlsxFile(data, {
    columns: HEADERS.map((_, i) => ({ width: i === 6 ? 60 : 20 })),
    stickyRowsCount: 1,
  }).toBlob()
}
