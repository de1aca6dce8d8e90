// srdi template <file>: writes the enterprise input template (header + example rows) as CSV or XLSX.
import { Roster } from "@srdi/core"
import { formatOf, writeTable } from "../io/table.js"
import { say, UsageError, type Lang } from "../lang.js"

export interface TemplateOptions {
  readonly lang: Lang
  /** Header language of the template; defaults to the output language. */
  readonly headers: Roster.HeaderLang
}

export const template = async (file: string, options: TemplateOptions): Promise<string> => {
  const format = formatOf(file)
  if (format !== "csv" && format !== "xlsx")
    throw new UsageError(
      say(options.lang, `模板只能写为 .csv 或 .xlsx：${file}`, `the template is written as .csv or .xlsx: ${file}`),
    )
  const [header = [], ...examples] = Roster.templateRows(options.headers)
  await writeTable(
    file,
    header,
    examples.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null]))),
    say(options.lang, "企业名单", "enterprises"),
  )
  return say(
    options.lang,
    `已写入模板 ${file}（${header.length} 列，${examples.length} 行示例数据——请替换为真实数据）`,
    `wrote the template ${file} (${header.length} columns, ${examples.length} example rows — replace them with real data)`,
  )
}
