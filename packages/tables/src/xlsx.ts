import type ExcelJS from "exceljs"
import { type Cell, type Table, TableReadError } from "./table.js"

// Loaded on first use: it takes a quarter of a second, which a CSV reader (or the API's parse worker) need not pay.
const workbook = async (): Promise<ExcelJS.Workbook> => new (await import("exceljs")).default.Workbook()

/** The value a cell shows: a formula's result, rich text joined, a hyperlink's text, a date as YYYY-MM-DD. */
const cellValue = (value: ExcelJS.CellValue, at: () => { sheet: string; row: number; column: string }): Cell => {
  if (value === null || value === undefined) return null
  if (typeof value === "number" || typeof value === "string") return value
  if (typeof value === "boolean") return value ? "true" : "false"
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ("error" in value)
    throw new TableReadError(
      "xlsx",
      { zh: `单元格是公式错误 ${value.error}`, en: `the cell holds the formula error ${value.error}` },
      at(),
    )
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue, at)
  if ("richText" in value) return value.richText.map((r) => r.text).join("")
  if ("text" in value) return String(value.text)
  if ("formula" in value || "sharedFormula" in value) return null
  return String(value)
}

/** Reads the first sheet of an XLSX workbook (row 1 is the header). */
export const readXlsx = async (bytes: Uint8Array): Promise<Table> => {
  const book = await workbook()
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (e) {
    throw new TableReadError("xlsx", {
      zh: `不是可读取的 XLSX 工作簿（${(e as Error).message}）`,
      en: `not a readable XLSX workbook (${(e as Error).message})`,
    })
  }
  const sheet = book.worksheets[0]
  if (sheet === undefined) throw new TableReadError("xlsx", { zh: "工作簿没有工作表", en: "the workbook has no sheet" })
  const headers: Array<string> = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = String(
      cellValue(cell.value, () => ({ sheet: sheet.name, row: 1, column: cell.address })) ?? "",
    ).trim()
  })
  for (let i = 0; i < headers.length; i++) headers[i] ??= ""
  const rows: Array<Record<string, Cell>> = []
  let lastFilled = 0
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const record: Record<string, Cell> = {}
    let any = false
    for (let i = 0; i < headers.length; i++) {
      const cell = row.getCell(i + 1)
      const v = cellValue(cell.value, () => ({ sheet: sheet.name, row: r, column: cell.address }))
      if (v !== null && v !== "") any = true
      if (headers[i] !== "") record[headers[i]!] = v === "" ? null : v
    }
    // A blank row stays as a placeholder so that row numbers stay true to the sheet.
    rows.push(any ? record : {})
    if (any) lastFilled = rows.length
  }
  rows.length = lastFilled
  return { headers, rows, firstRow: 2 }
}

/** Writes one sheet: a bold header row, then the rows (missing cells left empty). */
export const writeXlsx = async (
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<Record<string, Cell | boolean | undefined>>,
  sheetName: string,
): Promise<Uint8Array> => {
  const book = await workbook()
  const sheet = book.addWorksheet(sheetName)
  sheet.addRow([...headers])
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null))
  sheet.columns.forEach((c) => {
    c.width = 16
  })
  return new Uint8Array(await book.xlsx.writeBuffer())
}
