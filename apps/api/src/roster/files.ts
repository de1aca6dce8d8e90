/**
 * Roster files: CSV and XLSX to rows of header → cell (for @srdi/core's Roster.fromRows) and back. The bytes are
 * @srdi/tables' business, shared with the CLI; here are the upload's format and the 400 a bad file gets.
 */
import type { Roster } from "@srdi/core"
import { readTable, TableReadError, writeTable } from "@srdi/tables"
import { badRequest } from "../http/problem.js"

/** A roster file format. */
export type Format = "csv" | "xlsx"

/** The media type of a format. */
export const MEDIA: Record<Format, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

/** The format of an upload, from `?format=`, its content type or the file name. */
export const formatOf = (
  explicit: string | undefined,
  contentType: string | undefined,
  filename: string | undefined,
): Format => {
  if (explicit === "csv" || explicit === "xlsx") return explicit
  const type = contentType ?? ""
  if (type.includes("spreadsheetml") || filename?.toLowerCase().endsWith(".xlsx") === true) return "xlsx"
  if (type.startsWith("text/csv") || type.startsWith("text/plain") || filename?.toLowerCase().endsWith(".csv") === true)
    return "csv"
  throw badRequest(
    "无法判断文件格式：请用 ?format=csv 或 ?format=xlsx，或设置 Content-Type",
    "cannot tell the file format: pass ?format=csv or ?format=xlsx, or set Content-Type",
    [{ pointer: "#/format", at: "format", message: { zh: "需要 csv 或 xlsx", en: "csv or xlsx expected" } }],
  )
}

/** Rows read from a file: blank rows are kept as `{}` so that rows[i] is spreadsheet row `firstRow + i`. */
export interface Rows {
  readonly rows: ReadonlyArray<Roster.Row>
  readonly firstRow: number
}

/** Reads a file into roster rows. Malformed files are a 400 naming the line or sheet row. */
export const readRows = async (format: Format, bytes: Uint8Array): Promise<Rows> => {
  try {
    const table = await readTable(format, bytes)
    return { rows: table.rows, firstRow: table.firstRow }
  } catch (e) {
    if (!(e instanceof TableReadError)) throw e
    const issues = [
      {
        ...(e.row !== undefined ? { row: e.row } : {}),
        ...(e.column !== undefined ? { column: e.column } : {}),
        message: e.reason,
      },
    ]
    if (format === "csv")
      throw badRequest(
        `CSV 文件无法解析（第 ${e.line ?? "?"} 行）：${e.reason.zh}`,
        `the CSV file cannot be parsed (line ${e.line ?? "?"}): ${e.reason.en}`,
        issues,
      )
    throw badRequest(`XLSX 文件无法读取：${e.text.zh}`, `the XLSX file cannot be read: ${e.text.en}`, issues)
  }
}

/** Writes rows (header → cell) as a file. */
export const writeRows = (
  format: Format,
  rows: ReadonlyArray<Record<string, string | number>>,
  headers: ReadonlyArray<string>,
): Promise<Uint8Array> => writeTable(format, headers, rows, { sheetName: "roster" })
