// Example 1: read an enterprise file (CSV or XLSX, the format of docs/enterprise-file-format.md), screen every firm
// against the national 创新型中小企业 criteria in force on a date, and print each verdict with its reasons.
// The firms in enterprises.csv are demo data (names start with 演示·).
import { readTable } from "@srdi/cli"
import { Explain, Roster, Rule, type Enterprise } from "@srdi/core"
import { resolved } from "@srdi/pack-cn-miit-tiers"
import { fileURLToPath } from "node:url"

export interface Screened {
  readonly enterprise: Enterprise.Enterprise
  readonly evaluation: Rule.Evaluation
}

export interface Screening {
  readonly results: ReadonlyArray<Screened>
  readonly errors: ReadonlyArray<Roster.RowError>
}

export const screenFile = async (file: string, asOf: string, decides = "innovative_sme"): Promise<Screening> => {
  const table = await readTable(file)
  const { enterprises, errors } = Roster.fromRows(table.rows, { firstRow: table.firstRow })
  const rule = Rule.inForce(resolved.rules, asOf).find((r) => r.decides === decides)
  if (rule === undefined) throw new Error(`no rule decides ${decides} on ${asOf} (${asOf} 没有判定 ${decides} 的规则)`)
  const compiled = Rule.compile(rule, { asOf })
  return {
    results: enterprises.map((enterprise) => ({ enterprise, evaluation: compiled.evaluate(enterprise) })),
    errors,
  }
}

const main = async () => {
  const [file = "enterprises.csv", asOf = "2025-06-30", lang = "zh"] = process.argv.slice(2)
  const language = lang === "en" ? "en" : "zh"
  const { results, errors } = await screenFile(file, asOf)
  for (const { enterprise, evaluation } of results) {
    console.log(`\n${enterprise.name} (${enterprise.uscc})`)
    console.log(`  ${Explain.summary(evaluation, language)}`)
    for (const reason of evaluation.reasons[language]) console.log(`  - ${reason}`)
    if (evaluation.missing.length > 0) console.log(`  missing: ${evaluation.missing.join(", ")}`)
  }
  for (const e of errors) console.log(`\nrow ${e.row} ${e.column}: ${e.message[language]}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
