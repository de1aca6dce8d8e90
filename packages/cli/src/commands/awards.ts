// srdi awards <file> --pack <id|dir>: the award lines each enterprise of a file is entitled to, and the budget
// they add up to per paying unit and year.
import { Award, Calendar, type Enterprise, type Roster } from "@srdi/core"
import { formatOf, writeTable } from "../io/table.js"
import { say, UsageError, type Lang } from "../lang.js"
import { loadPack } from "../packs.js"
import { progress } from "../progress.js"
import { checkDate, formatRowErrors, readEnterprises } from "./screen.js"

export interface AwardsOptions {
  readonly pack: string
  readonly asOf: string
  readonly from?: string
  readonly to?: string
  readonly out?: string
  readonly json: boolean
  readonly lang: Lang
}

export interface AwardsResult {
  readonly asOf: string
  readonly pack: { readonly id: string; readonly version: string; readonly hash: string }
  readonly lines: ReadonlyArray<Award.Entitlement & { readonly name: string }>
  readonly budget: Award.Budget
  readonly rowErrors: ReadonlyArray<Roster.RowError>
  readonly unknownColumns: ReadonlyArray<string>
}

export const awards = async (file: string, options: AwardsOptions): Promise<AwardsResult> => {
  const { lang } = options
  const asOf = checkDate(options.asOf, lang)
  for (const d of [options.from, options.to])
    if (d !== undefined && !Calendar.isIsoDate(d))
      throw new UsageError(say(lang, `日期应为 YYYY-MM-DD：“${d}”`, `dates are written YYYY-MM-DD: "${d}"`))
  if (options.out !== undefined && formatOf(options.out) === undefined)
    throw new UsageError(say(lang, `--out 只支持 .csv、.xlsx 或 .json`, `--out must end in .csv, .xlsx or .json`))
  const loaded = await loadPack(options.pack, lang)
  const roster = await readEnterprises(file)
  const window: Award.Window = {
    asOf,
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  }
  const enterprises = roster.enterprises as ReadonlyArray<Enterprise.Enterprise>
  const bar = progress(enterprises.length, say(lang, "计算奖励", "Awards"), !options.json)
  const lines = enterprises.flatMap((e) => {
    bar.tick()
    return Award.entitlements(loaded.pack.awards, e, window).map((l) => ({ ...l, name: e.name }))
  })
  bar.stop()
  const result: AwardsResult = {
    asOf,
    pack: { id: loaded.pack.meta.id, version: loaded.pack.meta.version, hash: loaded.hash },
    lines,
    budget: Award.budget(loaded.pack.awards, enterprises, window),
    rowErrors: roster.errors,
    unknownColumns: roster.unknownColumns,
  }
  if (options.out !== undefined) await writeLines(options.out, result, loaded.pack.awards, lang)
  return result
}

const HEADERS = {
  zh: [
    "统一社会信用代码",
    "企业名称",
    "奖励",
    "事件",
    "日期",
    "预算年度",
    "金额",
    "单位",
    "状态",
    "支付单位",
    "条款",
    "说明",
  ],
  en: [
    "uscc",
    "name",
    "award",
    "event",
    "on",
    "budgetYear",
    "amount",
    "unit",
    "status",
    "payer",
    "clause",
    "description",
  ],
} as const

const writeLines = async (out: string, result: AwardsResult, list: ReadonlyArray<Award.Award>, lang: Lang) => {
  const byId = new Map(list.map((a) => [a.id, a]))
  const h = HEADERS[lang]
  await writeTable(
    out,
    h,
    result.lines.map((l) => ({
      [h[0]]: l.uscc,
      [h[1]]: l.name,
      [h[2]]: l.award,
      [h[3]]: l.event,
      [h[4]]: l.on,
      [h[5]]: l.budgetYear,
      [h[6]]: l.amount,
      [h[7]]: l.unit === "points" ? say(lang, "分", "points") : say(lang, "万元", "10k CNY"),
      [h[8]]: l.status,
      [h[9]]: l.payer,
      [h[10]]: `${l.cite.source} §${l.cite.clause}`,
      [h[11]]: Award.describe(l, lang, byId.get(l.award)),
    })),
    say(lang, "奖励明细", "entitlements"),
  )
}

export const formatAwards = (result: AwardsResult, lang: Lang, options: { readonly out?: string }): string => {
  const b = result.budget
  const lines: string[] = [
    say(
      lang,
      `策略包 ${result.pack.id}@${result.pack.version}，评估日 ${result.asOf}：${b.enterprises} 家企业共 ${b.lines} 条奖励，其中 ${b.unspecified} 条原文未定金额`,
      `Pack ${result.pack.id}@${result.pack.version}, as of ${result.asOf}: ${b.lines} award line(s) for ${b.enterprises} enterprise(s), ${b.unspecified} with no amount in the source`,
    ),
  ]
  if (b.totals.length > 0) {
    lines.push(say(lang, "预算（按支付单位、年度，万元）：", "Budget (by paying unit and year, 10k CNY):"))
    for (const t of b.totals)
      lines.push(
        `  ${t.payer ?? say(lang, "（未指定支付单位）", "(no payer named)")} ${t.budgetYear}: ${t.amount} (${t.lines})`,
      )
  }
  for (const a of b.byAward)
    if (a.lines > 0)
      lines.push(
        say(
          lang,
          `  ${a.award}：${a.lines} 条（应付 ${a.due}，就高被替代 ${a.superseded}，金额未定 ${a.unspecified}）${a.amount > 0 ? ` ${a.amount}万元` : ""}${a.points > 0 ? ` ${a.points}分` : ""}`,
          `  ${a.award}: ${a.lines} line(s) (due ${a.due}, superseded ${a.superseded}, unspecified ${a.unspecified})${a.amount > 0 ? ` ${a.amount} (10k CNY)` : ""}${a.points > 0 ? ` ${a.points} points` : ""}`,
        ),
      )
  lines.push(...formatRowErrors(result.rowErrors, result.unknownColumns, lang))
  if (options.out !== undefined) lines.push(say(lang, `明细已写入 ${options.out}`, `Lines written to ${options.out}`))
  return lines.join("\n")
}
