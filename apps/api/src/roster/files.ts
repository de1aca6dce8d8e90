/**
 * Roster files: CSV and XLSX to rows of header → cell (for @srdi/core's Roster.fromRows) and back.
 */
import type { Roster } from "@srdi/core"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import ExcelJS from "exceljs"
import { badRequest } from "../http/problem.js"

/** A roster file format. */
export type Format = "csv" | "xlsx"

/** The media type of a format. */
export const MEDIA: Record<Format, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

/** The format of an upload, from `?format=`, its content type or the file name. */
export const formatOf = (explicit: string | undefined, contentType: string | undefined, filename: string | undefined): Format => {
  if (explicit === "csv" || explicit === "xlsx") return explicit
  const type = contentType ?? ""
  if (type.includes("spreadsheetml") || filename?.toLowerCase().endsWith(".xlsx") === true) return "xlsx"
  if (type.startsWith("text/csv") || type.startsWith("text/plain") || filename?.toLowerCase().endsWith(".csv") === true) return "csv"
  throw badRequest(
    "无法判断文件格式：请用 ?format=csv 或 ?format=xlsx，或设置 Content-Type",
    "cannot tell the file format: pass ?format=csv or ?format=xlsx, or set Content-Type",
    [{ pointer: "#/format", at: "format", message: { zh: "需要 csv 或 xlsx", en: "csv or xlsx expected" } }],
  )
}

const cellValue = (v: ExcelJS.CellValue): string | number | boolean | null => {
  if (v === null || v === undefined) return null
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === "object") {
    if ("result" in v) return cellValue((v as { result: ExcelJS.CellValue }).result)
    if ("richText" in v) return (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join("")
    if ("text" in v) return String((v as { text: unknown }).text)
    if ("error" in v) return null
  }
  return String(v)
}

/** Reads a file into roster rows. Malformed files are a 400 naming the line or sheet. */
export const readRows = async (format: Format, bytes: Uint8Array): Promise<Array<Roster.Row>> => {
  if (format === "csv") {
    try {
      return parse(Buffer.from(bytes), { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as Array<Roster.Row>
    } catch (e) {
      const err = e as Error & { lines?: number }
      throw badRequest(`CSV 文件无法解析（第 ${err.lines ?? "?"} 行）：${err.message}`, `the CSV file cannot be parsed (line ${err.lines ?? "?"}): ${err.message}`, [
        { ...(err.lines !== undefined ? { row: err.lines } : {}), message: { zh: "CSV 格式错误", en: err.message } },
      ])
    }
  }
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch (e) {
    throw badRequest(`XLSX 文件无法读取：${(e as Error).message}`, `the XLSX file cannot be read: ${(e as Error).message}`)
  }
  const sheet = wb.worksheets[0]
  if (sheet === undefined) throw badRequest("XLSX 文件没有工作表", "the XLSX file has no worksheet")
  const headers: Array<string> = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = String(cellValue(cell.value) ?? "").trim()
  })
  const out: Array<Roster.Row> = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const record: Record<string, string | number | boolean | null> = {}
    headers.forEach((h, col) => {
      if (h !== "") record[h] = cellValue(row.getCell(col).value)
    })
    out.push(record)
  }
  return out
}

/** Writes rows (header → cell) as a file. */
export const writeRows = async (format: Format, rows: ReadonlyArray<Record<string, string | number>>, headers: ReadonlyArray<string>): Promise<Uint8Array> => {
  if (format === "csv") return Buffer.from("\uFEFF" + stringify(rows.map((r) => headers.map((h) => r[h] ?? "")), { header: true, columns: [...headers] }))
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet("roster")
  sheet.addRow([...headers])
  for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? ""))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
