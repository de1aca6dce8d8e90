/**
 * Pagination and sorting shared by every list: `limit` (1–500, default 50), `offset`, and `sort` naming a column,
 * `-` first for descending.
 */
import { Schema } from "effect"
import { asc, desc, type SQL } from "drizzle-orm"
import type { PgColumn } from "drizzle-orm/pg-core"
import { badRequest } from "./problem.js"

const IntString = (min: number, max: number) =>
  Schema.NumberFromString.pipe(Schema.int(), Schema.between(min, max))

/** Query fields every list accepts. */
export const pageFields = {
  limit: Schema.optional(IntString(1, 500)),
  offset: Schema.optional(IntString(0, 10_000_000)),
  sort: Schema.optional(Schema.String),
}

/** A page of results. */
export const Page = <A, I>(item: Schema.Schema<A, I, never>) =>
  Schema.Struct({ items: Schema.Array(item), total: Schema.Int, limit: Schema.Int, offset: Schema.Int })

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
    throw badRequest(`不能按“${name}”排序，可用：${Object.keys(columns).join("、")}`, `cannot sort by "${name}"; use one of ${Object.keys(columns).join(", ")}`, [
      { pointer: "#/sort", at: "sort", message: { zh: `未知排序字段 ${name}`, en: `unknown sort field ${name}` } },
    ])
  return { limit: q.limit ?? 50, offset: q.offset ?? 0, orderBy: [descending ? desc(column) : asc(column)] }
}
