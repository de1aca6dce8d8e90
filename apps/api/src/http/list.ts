/**
 * Pagination and sorting shared by every list: `limit` (1–500, default 50), `offset`, and `sort` naming a column,
 * `-` first for descending.
 */
import { Schema } from "effect"
import { asc, count, desc, sql, type SQL } from "drizzle-orm"
import type { PgColumn, PgTable } from "drizzle-orm/pg-core"
import type { Tx } from "../db/client.js"
import { badRequest } from "./problem.js"

const IntString = (min: number, max: number) => Schema.NumberFromString.pipe(Schema.int(), Schema.between(min, max))

/** Query fields every list accepts. */
export const pageFields = {
  limit: Schema.optional(IntString(1, 500)),
  offset: Schema.optional(IntString(0, 10_000_000)),
  sort: Schema.optional(Schema.String),
}

/** A page of results. */
export const Page = <A, I>(item: Schema.Schema<A, I, never>) =>
  Schema.Struct({
    items: Schema.Array(item),
    total: Schema.Int,
    totalExact: Schema.optional(Schema.Boolean),
    limit: Schema.Int,
    offset: Schema.Int,
  })

/** Limit, offset and the ORDER BY for a sort key among the allowed columns. */
export const paging = (
  q: { readonly limit?: number | undefined; readonly offset?: number | undefined; readonly sort?: string | undefined },
  columns: Record<string, PgColumn>,
  fallback: string,
): { limit: number; offset: number; orderBy: Array<SQL> } => {
  const key = q.sort ?? fallback
  const descending = key.startsWith("-")
  const name = descending ? key.slice(1) : key
  const column = columns[name]
  if (column === undefined)
    throw badRequest(
      `不能按“${name}”排序，可用：${Object.keys(columns).join("、")}`,
      `cannot sort by "${name}"; use one of ${Object.keys(columns).join(", ")}`,
      [{ pointer: "#/sort", at: "sort", message: { zh: `未知排序字段 ${name}`, en: `unknown sort field ${name}` } }],
    )
  return { limit: q.limit ?? 50, offset: q.offset ?? 0, orderBy: [descending ? desc(column) : asc(column)] }
}

/** Totals are counted exactly up to this many rows; past it a list says `totalExact: false` (unless `count=exact`). */
export const COUNT_CAP = 1000

/** The `count` query option: `exact` counts every matching row, which costs a full scan on large tables. */
export const countField = { count: Schema.optional(Schema.Literal("exact", "capped")) }

/**
 * Counts the rows of a query, stopping at {@link COUNT_CAP} unless asked for an exact count: on 100,000 stored
 * enterprises an exact count takes longer than the page itself by two orders of magnitude.
 */
export const countRows = async (
  db: Tx,
  from: PgTable,
  where: SQL | undefined,
  mode: "exact" | "capped" | undefined,
): Promise<{ total: number; totalExact: boolean }> => {
  if (mode === "exact") {
    const [row] = await db.select({ n: count() }).from(from).where(where)
    return { total: row?.n ?? 0, totalExact: true }
  }
  const capped = db
    .select({ one: sql`1` })
    .from(from)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("capped")
  const [row] = await db.select({ n: count() }).from(capped)
  const n = row?.n ?? 0
  return n > COUNT_CAP ? { total: COUNT_CAP, totalExact: false } : { total: n, totalExact: true }
}
