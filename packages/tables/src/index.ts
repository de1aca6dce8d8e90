/**
 * @srdi/tables — roster tables as bytes: CSV, XLSX and JSON read into header → cell rows and written back. No file
 * system and no HTTP here: the CLI reads and writes files, the API takes uploads and sends downloads.
 *
 * @since 0.1.0
 */
import { readCsv, writeCsv } from "./csv.js"
import { readJson, writeJson } from "./json.js"
import { type Cell, type Table, type TableFormat } from "./table.js"
import { readXlsx, writeXlsx } from "./xlsx.js"

export { type Cell, type Place, type Table, type TableFormat, TableReadError, type Text } from "./table.js"

/**
 * Reads a table from a file's bytes. Throws {@link TableReadError} naming the line (CSV) or the sheet, row and
 * column (XLSX) of what it cannot read.
 *
 * @example
 * const table = await readTable("csv", new TextEncoder().encode("uscc,name\n91500151MA5U000001,Acme\n"))
 * // { headers: ["uscc", "name"], rows: [{ uscc: "91500151MA5U000001", name: "Acme" }], firstRow: 2 }
 * @since 0.1.0
 */
export const readTable = async (format: TableFormat, bytes: Uint8Array): Promise<Table> =>
  format === "csv" ? readCsv(bytes) : format === "json" ? readJson(bytes) : readXlsx(bytes)

/** Options of {@link writeTable}. */
export interface WriteOptions {
  /** The XLSX sheet's name (default `Sheet1`). */
  readonly sheetName?: string
}

/**
 * Writes rows as a file's bytes: CSV with a BOM (so Excel reads UTF-8), XLSX with a bold header, or JSON (the rows
 * as given; `headers` is not used).
 *
 * @since 0.1.0
 */
export const writeTable = async (
  format: TableFormat,
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<Record<string, Cell | boolean | undefined>>,
  options: WriteOptions = {},
): Promise<Uint8Array> =>
  format === "csv"
    ? writeCsv(headers, rows)
    : format === "json"
      ? writeJson(rows)
      : writeXlsx(headers, rows, options.sheetName ?? "Sheet1")
