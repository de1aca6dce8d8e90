/**
 * Bulk writes: many rows in one statement, sent as ONE JSON parameter that the database expands with
 * `jsonb_to_recordset`, instead of one bound parameter per cell. On a 100,000-row import Drizzle spent longer
 * building 6,000-parameter INSERTs than the database spent running them, and PGlite parsed each of those
 * parameters through its wire protocol; one JSON text per chunk costs one `JSON.stringify` and one parse in C.
 * The same SQL runs on PGlite and PostgreSQL.
 */
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm"
import type { PgColumn, PgTable } from "drizzle-orm/pg-core"
import type { Tx } from "./client.js"

/** Rows per statement: large enough to amortise the round trip, small enough to keep one JSON text a few MB. */
export const CHUNK = 5000

/** The columns named by the rows (the keys of the first row, which every row must share) in table order. */
const columnsOf = <T extends PgTable>(table: T, sample: Record<string, unknown>): Array<[key: string, column: PgColumn]> =>
  Object.entries(getTableColumns(table)).filter(([key]) => key in sample) as Array<[string, PgColumn]>

/**
 * The rows as a derived table: `jsonb_to_recordset($json) as x(col type, …)`, with each row keyed by its
 * database column name. Values go through each column's own driver mapping (jsonb stays nested, dates to text).
 */
export const recordset = <T extends PgTable>(table: T, rows: ReadonlyArray<Partial<T["$inferInsert"]>>, alias = "x"): { source: SQL; names: SQL } => {
  const columns = columnsOf(table, rows[0] as Record<string, unknown>)
  const records = rows.map((row, i) => {
    // A key the first row lacks would be dropped without a word: that is a programming error, so say so.
    if (Object.keys(row).length !== columns.length)
      throw new Error(`bulk insert into ${getTableName(table)}: row ${i} has other keys than the first row (${columns.map(([k]) => k).join(", ")})`)
    const out: Record<string, unknown> = {}
    for (const [key, column] of columns) {
      const value = (row as Record<string, unknown>)[key]
      // jsonb values are embedded as JSON, not as a JSON string inside JSON.
      out[column.name] = value === undefined || value === null || column.columnType === "PgJsonb" ? (value ?? null) : column.mapToDriverValue(value)
    }
    return out
  })
  const definitions = columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", ")
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(", "))
  return { source: sql`jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as ${sql.raw(alias)}(${sql.raw(definitions)})`, names }
}

/**
 * Inserts rows in chunks of {@link CHUNK} (inside the caller's transaction: pass a `tx` for all-or-nothing).
 * Every row must have the same keys; columns left out take their defaults. `tail` is appended to each statement
 * (an `on conflict …` clause).
 */
export const insertMany = async <T extends PgTable>(
  tx: Tx,
  table: T,
  rows: ReadonlyArray<Partial<T["$inferInsert"]>>,
  tail?: SQL,
): Promise<void> => {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const { source, names } = recordset(table, rows.slice(i, i + CHUNK))
    await tx.execute(sql`insert into ${sql.identifier(getTableName(table))} (${names}) select ${names} from ${source} ${tail ?? sql``}`)
  }
}

/** `column in (the values)`, sent as one JSON array parameter rather than one parameter per value. */
export const inJson = (column: PgColumn, values: ReadonlyArray<string>): SQL =>
  sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`
