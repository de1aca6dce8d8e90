/** A cell as read: text, a number, or empty. Booleans read from a workbook become `"true"` / `"false"`. */
export type Cell = string | number | null

/** Rows keyed by the header as written in the file (trimmed). */
export interface Table {
  readonly headers: ReadonlyArray<string>
  /** One entry per data row; a blank row is `{}`, kept so that row numbers stay true to the file. */
  readonly rows: ReadonlyArray<Record<string, Cell>>
  /** The spreadsheet row number of rows[0] (the header is row 1, so 2; 1 for JSON, which has no header row). */
  readonly firstRow: number
}

/** The formats read and written: CSV (UTF-8, BOM optional), XLSX (first sheet) and a JSON array of row objects. */
export type TableFormat = "csv" | "xlsx" | "json"

/** A sentence in both languages of the project. */
export interface Text {
  readonly zh: string
  readonly en: string
}

/** Where in a file a problem is: the text line (CSV), the sheet, the spreadsheet row (header = 1) and column. */
export interface Place {
  readonly line?: number
  readonly sheet?: string
  readonly row?: number
  readonly column?: string
}

const placed = (reason: Text, at: Place): Text => {
  const parts: Array<Text> = []
  if (at.sheet !== undefined) parts.push({ zh: `工作表“${at.sheet}”`, en: `sheet "${at.sheet}"` })
  if (at.line !== undefined) parts.push({ zh: `第 ${at.line} 行`, en: `line ${at.line}` })
  else if (at.row !== undefined) parts.push({ zh: `第 ${at.row} 行`, en: `row ${at.row}` })
  if (at.column !== undefined) parts.push({ zh: `${at.column} 列`, en: `column ${at.column}` })
  if (parts.length === 0) return reason
  return {
    zh: `${parts.map((p) => p.zh).join(" ")}：${reason.zh}`,
    en: `${parts.map((p) => p.en).join(", ")}: ${reason.en}`,
  }
}

/**
 * Bytes that cannot be read as a table. `reason` says what is wrong; `text` is the same sentence prefixed with where
 * (line, sheet, row, column), ready to show; `message` is `text.en`.
 */
export class TableReadError extends Error {
  readonly _tag = "TableReadError"
  readonly text: Text
  readonly line: number | undefined
  readonly sheet: string | undefined
  readonly row: number | undefined
  readonly column: string | undefined
  constructor(
    readonly format: TableFormat,
    readonly reason: Text,
    at: Place = {},
  ) {
    const text = placed(reason, at)
    super(text.en)
    this.name = "TableReadError"
    this.text = text
    this.line = at.line
    this.sheet = at.sheet
    this.row = at.row
    this.column = at.column
  }
}
