// Enterprise tables as files (CSV, XLSX, JSON): @srdi/tables turns bytes into rows and back; here is the file system
// (reading, atomic writes) and the CLI's error. Turning rows into enterprises is core's Roster, which the API shares.
import { readFile, rename, writeFile } from "node:fs/promises"
import { extname } from "node:path"
import * as Tables from "@srdi/tables"

/** A cell as read: text, a number, or empty. */
export type Cell = Tables.Cell

/** Rows keyed by the header as written in the file. */
export type Table = Tables.Table

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

export type TableFormat = Tables.TableFormat

export const formatOf = (file: string): TableFormat | undefined => {
  const ext = extname(file).toLowerCase()
  if (ext === ".csv") return "csv"
  if (ext === ".xlsx") return "xlsx"
  if (ext === ".json") return "json"
  return undefined
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
  try {
    return await Tables.readTable(format, bytes)
  } catch (e) {
    if (!(e instanceof Tables.TableReadError)) throw e
    // The line goes in front (file:line); a sheet or row the error names stays in the sentence.
    const text = e.line !== undefined ? e.reason : e.text
    throw new TableReadError(file, `${text.en} (${text.zh})`, e.line)
  }
}

/** Writes rows atomically (temp file, then rename), so a failed write never leaves half a file. */
export const writeTable = async (
  file: string,
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<Record<string, Cell | boolean | undefined>>,
  sheetName = "Sheet1",
): Promise<void> => {
  const format = formatOf(file)
  if (format === undefined)
    throw new TableReadError(file, "unsupported output type: use .csv, .xlsx or .json (不支持的输出类型)")
  const tmp = `${file}.tmp-${process.pid}`
  await writeFile(tmp, await Tables.writeTable(format, headers, rows, { sheetName }))
  await rename(tmp, file)
}
