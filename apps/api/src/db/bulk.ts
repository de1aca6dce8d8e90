/**
 * Bulk writes: many rows in one statement, sent as ONE JSON parameter that the database expands with
 * `jsonb_to_recordset`, instead of one bound parameter per cell. On a 100,000-row import Drizzle spent longer
 * building 6,000-parameter INSERTs than the database spent running them, and PGlite parsed each of those
 * parameters through its wire protocol; one JSON text per chunk costs one `JSON.stringify` and one parse in C.
 * The same SQL runs on PGlite and PostgreSQL. Plain inserts on PGlite go one step further: `COPY … FROM
 * '/dev/blob'` with the chunk as CSV, PostgreSQL's own bulk-load path, half the time again.
 */
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm"
import type { PgColumn, PgTable } from "drizzle-orm/pg-core"
import { PgliteSession } from "drizzle-orm/pglite"
import type { Tx } from "./client.js"

/** Rows per statement: large enough to amortise the round trip, small enough to keep one JSON text a few MB. */
export const CHUNK = 5000

/** The columns named by the rows (the keys of the first row, which every row must share) in table order. */
const columnsOf = <T extends PgTable>(
  table: T,
  sample: Record<string, unknown>,
): Array<[key: string, column: PgColumn]> =>
  Object.entries(getTableColumns(table)).filter(([key]) => key in sample) as Array<[string, PgColumn]>

/** The columns of a table the rows name, checking that every row names the same ones. */
const sharedColumns = <T extends PgTable>(
  table: T,
  rows: ReadonlyArray<Partial<T["$inferInsert"]>>,
): Array<[string, PgColumn]> => {
  const columns = columnsOf(table, rows[0] as Record<string, unknown>)
  rows.forEach((row, i) => {
    // A key the first row lacks would be dropped without a word: that is a programming error, so say so.
    if (Object.keys(row).length !== columns.length)
      throw new Error(
        `bulk insert into ${getTableName(table)}: row ${i} has other keys than the first row (${columns.map(([k]) => k).join(", ")})`,
      )
  })
  return columns
}

/** A value as the driver sends it: jsonb stays a value (to embed in JSON or print), the rest is mapped. */
const driverValue = (column: PgColumn, value: unknown): unknown =>
  value === undefined || value === null || column.columnType === "PgJsonb"
    ? (value ?? null)
    : column.mapToDriverValue(value)

/**
 * The rows as a derived table: `jsonb_to_recordset($json) as x(col type, …)`, with each row keyed by its
 * database column name. Values go through each column's own driver mapping (jsonb stays nested, dates to text).
 */
export const recordset = <T extends PgTable>(
  table: T,
  rows: ReadonlyArray<Partial<T["$inferInsert"]>>,
  alias = "x",
): { source: SQL; names: SQL } => {
  const columns = sharedColumns(table, rows)
  const records = rows.map((row) => {
    const out: Record<string, unknown> = {}
    for (const [key, column] of columns) out[column.name] = driverValue(column, (row as Record<string, unknown>)[key])
    return out
  })
  const definitions = columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", ")
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(", "))
  return {
    source: sql`jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as ${sql.raw(alias)}(${sql.raw(definitions)})`,
    names,
  }
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
  const pglite = tail === undefined ? pgliteOf(tx) : undefined
  for (let i = 0; i < rows.length; i += CHUNK) {
    if (pglite !== undefined) {
      await copyInto(pglite, table, rows.slice(i, i + CHUNK))
      continue
    }
    const { source, names } = recordset(table, rows.slice(i, i + CHUNK))
    await tx.execute(
      sql`insert into ${sql.identifier(getTableName(table))} (${names}) select ${names} from ${source} ${tail ?? sql``}`,
    )
  }
}

/** `column in (the values)`, sent as one JSON array parameter rather than one parameter per value. */
export const inJson = (column: PgColumn, values: ReadonlyArray<string>): SQL =>
  sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`

/** The PGlite connection (or open transaction) under a Drizzle handle; undefined on PostgreSQL. */
interface PgliteConnection {
  query(query: string, params: Array<unknown>, options: { blob: Blob }): Promise<unknown>
}
const pgliteOf = (tx: Tx): PgliteConnection | undefined => {
  const session = tx._.session
  // Drizzle keeps the connection private; it is the PGlite instance, or the transaction it handed to Drizzle.
  return session instanceof PgliteSession ? (session as unknown as { client: PgliteConnection }).client : undefined
}

/** A CSV field as COPY reads it: unquoted empty is NULL, everything else quoted, quotes doubled. */
const csvField = (value: unknown): string => {
  if (value === null) return ""
  if (typeof value === "number" || typeof value === "bigint") return String(value)
  if (typeof value === "boolean") return value ? "t" : "f"
  const text = typeof value === "string" ? value : JSON.stringify(value)
  return `"${text.replace(/"/g, '""')}"`
}

/** One chunk through `COPY … FROM '/dev/blob'` (CSV). */
const copyInto = async <T extends PgTable>(
  client: PgliteConnection,
  table: T,
  rows: ReadonlyArray<Partial<T["$inferInsert"]>>,
): Promise<void> => {
  const columns = sharedColumns(table, rows)
  let csv = ""
  for (const row of rows) {
    csv +=
      columns
        .map(([key, column]) => {
          const value = driverValue(column, (row as Record<string, unknown>)[key])
          // A jsonb value is printed as JSON even when it is a bare string.
          return csvField(column.columnType === "PgJsonb" && value !== null ? JSON.stringify(value) : value)
        })
        .join(",") + "\n"
  }
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ")
  await client.query(`copy "${getTableName(table)}" (${names}) from '/dev/blob' with (format csv)`, [], {
    blob: new Blob([csv]),
  })
}
