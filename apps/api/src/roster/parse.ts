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

/** Reads and maps an upload on the calling thread. Malformed files are a 400 (see {@link readRows}). */
export const parseRoster = async (format: Format, bytes: Uint8Array): Promise<ParsedRoster> => {
  const { rows, firstRow } = await readRows(format, bytes)
  const result = Roster.fromRows(rows, { firstRow })
  // Roster counts the filled rows and knows where each USCC starts (normalised, as the enterprises carry it).
  return { rows: result.filledRows, result, usccRows: result.firstRows }
}
