// Reading and writing enterprise tables (CSV, XLSX, JSON). Parsing bytes lives here, in the CLI;
// turning rows into enterprises is core's Roster, which the API shares.
import { readFile, writeFile, rename } from "node:fs/promises"
import { extname } from "node:path"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import ExcelJS from "exceljs"

/** A cell as read: text, a number, or empty. */
export type Cell = string | number | null

/** Rows keyed by the header as written in the file. */
export interface Table {
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Record<string, Cell>>
  /** The spreadsheet row number of rows[0] (the header is row 1). */
  readonly firstRow: number
}

/** A file could not be read as a table; `line` where the parser knows it. */
export class TableReadError extends Error {
  readonly _tag = "TableReadError"
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ""}: ${reason}`)
  }
}

export type TableFormat = "csv" | "xlsx" | "json"

export const formatOf = (file: string): TableFormat | undefined => {
  const ext = extname(file).toLowerCase()
  if (ext === ".csv") return "csv"
  if (ext === ".xlsx") return "xlsx"
  if (ext === ".json") return "json"
  return undefined
}

const cellValue = (value: ExcelJS.CellValue): Cell => {
  if (value === null || value === undefined) return null
  if (typeof value === "number") return value
  if (typeof value === "string") return value
  if (typeof value === "boolean") return value ? "true" : "false"
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === "object") {
    if ("result" in value) return cellValue(value.result as ExcelJS.CellValue)
    if ("richText" in value) return value.richText.map((r) => r.text).join("")
    if ("text" in value) return String(value.text)
  }
  return String(value)
}

export const readTable = async (file: string): Promise<Table> => {
  const format = formatOf(file)
  if (format === undefined)
    throw new TableReadError(file, "unsupported file type: use .csv or .xlsx (不支持的文件类型)")
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (e) {
    throw new TableReadError(
      file,
      (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found (文件不存在)" : String(e),
    )
  }
  if (format === "csv") {
    try {
      const records = parse(bytes, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][]
      const [header, ...body] = records
      if (header === undefined) throw new TableReadError(file, "the file is empty (文件为空)")
      const headers = header.map((h) => h.trim())
      return {
        headers,
        firstRow: 2,
        rows: body.map((r) =>
          Object.fromEntries(headers.map((h, i) => [h, r[i] === undefined || r[i] === "" ? null : r[i]!])),
        ),
      }
    } catch (e) {
      if (e instanceof TableReadError) throw e
      const err = e as { message: string; lines?: number }
      throw new TableReadError(file, err.message, err.lines)
    }
  }
  if (format === "json") {
    let data: unknown
    try {
      data = JSON.parse(bytes.toString("utf8"))
    } catch (e) {
      throw new TableReadError(file, `invalid JSON: ${(e as Error).message}`)
    }
    if (!Array.isArray(data)) throw new TableReadError(file, "expected a JSON array of rows (应为行对象数组)")
    const headers = [...new Set(data.flatMap((r) => (r !== null && typeof r === "object" ? Object.keys(r) : [])))]
    return { headers, firstRow: 1, rows: data as Array<Record<string, Cell>> }
  }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (e) {
    throw new TableReadError(file, `not a readable XLSX workbook: ${(e as Error).message}`)
  }
  const sheet = workbook.worksheets[0]
  if (sheet === undefined) throw new TableReadError(file, "the workbook has no sheet (工作簿没有工作表)")
  const headers: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = String(cellValue(cell.value) ?? "").trim()
  })
  const rows: Array<Record<string, Cell>> = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const record: Record<string, Cell> = {}
    let any = false
    headers.forEach((h, i) => {
      const v = cellValue(row.getCell(i + 1).value)
      if (v !== null && v !== "") any = true
      record[h] = v === "" ? null : v
    })
    // Keep empty rows as placeholders so row numbers stay true to the sheet.
    rows.push(any ? record : {})
  }
  return { headers, firstRow: 2, rows }
}

/** Writes rows atomically (temp file, then rename), so a failed write never leaves half a file. */
export const writeTable = async (
  file: string,
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<Record<string, Cell | boolean | undefined>>,
  sheetName = "Sheet1",
): Promise<void> => {
  const format = formatOf(file)
  const tmp = `${file}.tmp-${process.pid}`
  if (format === "json") {
    await writeFile(tmp, JSON.stringify(rows, null, 2) + "\n")
  } else if (format === "csv") {
    const body = stringify(
      rows.map((r) => headers.map((h) => r[h] ?? "")),
      { header: true, columns: [...headers], bom: true },
    )
    await writeFile(tmp, body)
  } else if (format === "xlsx") {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet(sheetName)
    sheet.addRow([...headers])
    sheet.getRow(1).font = { bold: true }
    for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null))
    sheet.columns.forEach((c) => {
      c.width = 16
    })
    await workbook.xlsx.writeFile(tmp)
  } else {
    throw new TableReadError(file, "unsupported output type: use .csv, .xlsx or .json (不支持的输出类型)")
  }
  await rename(tmp, file)
}
