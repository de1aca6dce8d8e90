/**
 * A roster upload read into enterprises: the file's rows through @srdi/core's Roster.fromRows, plus where each USCC
 * first appears (for errors found later, such as a region outside the caller's scope). Plain data, so that a worker
 * thread can send it back by structured clone.
 */
import { Roster } from "@srdi/core"
import { readRows, type Format } from "./files.js"

/** What an upload holds. */
export interface ParsedRoster {
  /** Rows with at least one cell filled (blank rows are not counted). */
  readonly rows: number
  readonly result: Roster.Result
  /** USCC → the spreadsheet row where it first appears. */
  readonly usccRows: ReadonlyMap<string, number>
}

const filled = (row: Roster.Row): boolean => {
  for (const k in row) {
    const v = row[k]
    if (v !== null && v !== undefined && (typeof v !== "string" || v.trim() !== "")) return true
  }
  return false
}

/** Reads and maps an upload on the calling thread. Malformed files are a 400 (see {@link readRows}). */
export const parseRoster = async (format: Format, bytes: Uint8Array): Promise<ParsedRoster> => {
  const { rows, firstRow } = await readRows(format, bytes)
  const result = Roster.fromRows(rows, { firstRow })
  const usccRows = new Map<string, number>()
  let count = 0
  rows.forEach((r, i) => {
    if (filled(r)) count++
    for (const k in r) {
      const v = r[k]
      if (typeof v === "string" && v.length === 18 && !usccRows.has(v)) usccRows.set(v, firstRow + i)
    }
  })
  return { rows: count, result, usccRows }
}
