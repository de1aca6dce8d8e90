// srdi screen <file> --pack <id|dir>: verdicts, reasons, missing inputs and near-misses for every enterprise
// of a CSV/XLSX/JSON file against the rules of a pack in force on a date.
import { Calendar, Explain, Roster, Rule, type Enterprise } from "@srdi/core"
import { readTable, writeTable, formatOf, type Cell } from "../io/table.js"
import { say, UsageError, type Lang } from "../lang.js"
import { loadPack } from "../packs.js"
import { progress } from "../progress.js"

export interface ScreenOptions {
  readonly pack: string
  readonly rule?: string
  readonly asOf: string
  readonly out?: string
  readonly json: boolean
  readonly lang: Lang
  readonly nearMissOnly: boolean
}

export interface ScreenResult {
  readonly asOf: string
  readonly pack: { readonly id: string; readonly version: string; readonly hash: string }
  readonly rules: ReadonlyArray<{ readonly id: string; readonly counts: Record<Rule.Verdict, number> }>
  readonly results: ReadonlyArray<{
    readonly uscc: string
    readonly name: string
    readonly evaluation: Rule.Evaluation
  }>
  readonly rowErrors: ReadonlyArray<Roster.RowError>
  readonly unknownColumns: ReadonlyArray<string>
}

export const checkDate = (value: string, lang: Lang): string => {
  if (!Calendar.isIsoDate(value))
    throw new UsageError(
      say(
        lang,
        `--as-of 应为 YYYY-MM-DD 格式的日期，收到“${value}”`,
        `--as-of must be a date written YYYY-MM-DD, got "${value}"`,
      ),
    )
  return value
}

export const rulesFor = (rules: ReadonlyArray<Rule.Rule>, options: { rule?: string; asOf: string; lang: Lang }) => {
  if (options.rule !== undefined) {
    const rule = rules.find((r) => r.id === options.rule)
    if (rule === undefined)
      throw new UsageError(
        say(
          options.lang,
          `策略包中没有规则“${options.rule}”。可用规则：${rules.map((r) => r.id).join("、")}`,
          `the pack has no rule "${options.rule}". Rules: ${rules.map((r) => r.id).join(", ")}`,
        ),
      )
    return [rule]
  }
  const inForce = Rule.inForce(rules, options.asOf)
  if (inForce.length === 0)
    throw new UsageError(
      say(options.lang, `${options.asOf} 没有生效的规则`, `no rule of the pack is in force on ${options.asOf}`),
    )
  return inForce
}

export const readEnterprises = async (file: string) => {
  const table = await readTable(file)
  const result = Roster.fromRows(table.rows, { firstRow: table.firstRow })
  return { ...result, rowCount: table.rows.length }
}

export const screen = async (file: string, options: ScreenOptions): Promise<ScreenResult> => {
  const asOf = checkDate(options.asOf, options.lang)
  if (options.out !== undefined && formatOf(options.out) === undefined)
    throw new UsageError(
      say(options.lang, `--out 只支持 .csv、.xlsx 或 .json`, `--out must end in .csv, .xlsx or .json`),
    )
  const loaded = await loadPack(options.pack, options.lang)
  const rules = rulesFor(loaded.pack.rules, { ...options, asOf })
  const roster = await readEnterprises(file)
  const compiled = rules.map((r) => Rule.compile(r, { asOf }))
  const bar = progress(
    roster.enterprises.length * compiled.length,
    say(options.lang, "筛选", "Screening"),
    !options.json,
  )
  const results: Array<{ uscc: string; name: string; evaluation: Rule.Evaluation }> = []
  const counts = compiled.map(() => ({ eligible: 0, ineligible: 0, needs_review: 0, insufficient_data: 0 }))
  compiled.forEach((c, i) => {
    for (const e of roster.enterprises as ReadonlyArray<Enterprise.Enterprise>) {
      const evaluation = c.evaluate(e)
      counts[i]![evaluation.verdict]++
      if (!options.nearMissOnly || evaluation.nearMiss) results.push({ uscc: e.uscc, name: e.name, evaluation })
      bar.tick()
    }
  })
  bar.stop()
  const result: ScreenResult = {
    asOf,
    pack: { id: loaded.pack.meta.id, version: loaded.pack.meta.version, hash: loaded.hash },
    rules: rules.map((r, i) => ({ id: r.id, counts: counts[i]! })),
    results,
    rowErrors: roster.errors,
    unknownColumns: roster.unknownColumns,
  }
  if (options.out !== undefined) await writeResults(options.out, result, options.lang)
  return result
}

const COLUMNS = {
  zh: ["统一社会信用代码", "企业名称", "规则", "结论", "得分", "临界", "差距", "缺少数据", "理由"],
  en: ["uscc", "name", "rule", "verdict", "score", "nearMiss", "distance", "missing", "reasons"],
} as const

const writeResults = async (out: string, result: ScreenResult, lang: Lang): Promise<void> => {
  if (formatOf(out) === "json") {
    await writeTable(out, [], result.results as unknown as ReadonlyArray<Record<string, Cell>>)
    return
  }
  const h = COLUMNS[lang]
  const rows = result.results.map(({ uscc, name, evaluation: ev }) => ({
    [h[0]]: uscc,
    [h[1]]: name,
    [h[2]]: ev.rule,
    [h[3]]: Explain.verdictText(ev.verdict, lang),
    [h[4]]: ev.score ?? null,
    [h[5]]: ev.nearMiss ? say(lang, "是", "yes") : "",
    [h[6]]: Math.round(ev.distance * 1000) / 1000,
    [h[7]]: ev.missing.join("; "),
    [h[8]]: ev.reasons[lang].join("\n"),
  }))
  await writeTable(out, h, rows, say(lang, "筛选结果", "screening"))
}

/** The human summary printed after a run. */
export const formatScreen = (result: ScreenResult, lang: Lang, options: { readonly out?: string }): string => {
  const lines: string[] = []
  lines.push(
    say(
      lang,
      `策略包 ${result.pack.id}@${result.pack.version}（${result.pack.hash.slice(0, 19)}…），评估日 ${result.asOf}`,
      `Pack ${result.pack.id}@${result.pack.version} (${result.pack.hash.slice(0, 19)}…), as of ${result.asOf}`,
    ),
  )
  for (const r of result.rules) {
    const c = r.counts
    lines.push(
      say(
        lang,
        `  ${r.id}：符合 ${c.eligible} · 不符合 ${c.ineligible} · 需复核 ${c.needs_review} · 数据不足 ${c.insufficient_data}`,
        `  ${r.id}: eligible ${c.eligible} · ineligible ${c.ineligible} · needs review ${c.needs_review} · insufficient data ${c.insufficient_data}`,
      ),
    )
  }
  const nearMisses = result.results.filter((r) => r.evaluation.nearMiss)
  if (nearMisses.length > 0) {
    lines.push(
      say(lang, `临界企业（差一点达标）${nearMisses.length} 家：`, `Near misses (just short): ${nearMisses.length}`),
    )
    for (const n of nearMisses.slice(0, 10)) {
      const why = n.evaluation.reasons[lang].find((s) => s.length > 0) ?? ""
      lines.push(`  ${n.uscc} ${n.name} [${n.evaluation.rule}] ${why}`)
    }
    if (nearMisses.length > 10)
      lines.push(say(lang, `  ……另有 ${nearMisses.length - 10} 家`, `  … and ${nearMisses.length - 10} more`))
  }
  if (result.results.length > 0 && result.results.length <= 5 && options.out === undefined) {
    for (const r of result.results) {
      lines.push(`${r.uscc} ${r.name}: ${Explain.summary(r.evaluation, lang)}`)
      for (const reason of r.evaluation.reasons[lang]) lines.push(`  - ${reason}`)
    }
  }
  lines.push(...formatRowErrors(result.rowErrors, result.unknownColumns, lang))
  if (options.out !== undefined) lines.push(say(lang, `结果已写入 ${options.out}`, `Results written to ${options.out}`))
  return lines.join("\n")
}

export const formatRowErrors = (
  errors: ReadonlyArray<Roster.RowError>,
  unknownColumns: ReadonlyArray<string>,
  lang: Lang,
): string[] => {
  const lines: string[] = []
  if (unknownColumns.length > 0)
    lines.push(
      say(
        lang,
        `未识别的列（已忽略）：${unknownColumns.join("、")}`,
        `Unknown columns (ignored): ${unknownColumns.join(", ")}`,
      ),
    )
  if (errors.length > 0) {
    lines.push(
      say(
        lang,
        `${errors.length} 处行错误（这些企业未参与筛选）：`,
        `${errors.length} row error(s) (those enterprises were not screened):`,
      ),
    )
    for (const e of errors)
      lines.push(
        say(lang, `  第 ${e.row} 行 [${e.column}] ${e.message.zh}`, `  row ${e.row} [${e.column}] ${e.message.en}`),
      )
  }
  return lines
}
