/**
 * Regions (the GB/T 2260 tree) and government units, as installed from the packs.
 */
import { and, asc, eq, type SQL } from "drizzle-orm"
import { Schema } from "effect"
import { regions, units } from "../db/schema.js"
import { notFound } from "../http/problem.js"
import { route } from "../http/route.js"

const RegionRow = Schema.Struct({
  code: Schema.String,
  name: Schema.String,
  nameEn: Schema.NullOr(Schema.String),
  level: Schema.String,
  parent: Schema.NullOr(Schema.String),
}).annotations({ identifier: "RegionRow" })

const UnitRow = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  region: Schema.String,
  data: Schema.Unknown,
}).annotations({
  identifier: "UnitRow",
})

/** The region and unit routes. Regions and units are public records of the plans, readable by every role. */
export const regionRoutes = [
  route({
    method: "get",
    path: "/regions",
    tag: "regions",
    summary: "All regions (municipality, districts and counties)",
    access: "read",
    response: Schema.Struct({ items: Schema.Array(RegionRow) }),
    handler: async ({ c, deps }) =>
      c.json({ items: await deps.database.db.select().from(regions).orderBy(asc(regions.code)) }),
  }),
  route({
    method: "get",
    path: "/regions/{code}",
    tag: "regions",
    summary: "One region and its children",
    access: "read",
    response: Schema.Struct({ region: RegionRow, children: Schema.Array(RegionRow) }),
    handler: async ({ c, params, deps }) => {
      const db = deps.database.db
      const region = (await db.select().from(regions).where(eq(regions.code, params.code!)))[0]
      if (region === undefined) throw notFound("地区 / region", params.code!)
      const children = await db.select().from(regions).where(eq(regions.parent, region.code)).orderBy(asc(regions.code))
      return c.json({ region, children })
    },
  }),
  route({
    method: "get",
    path: "/units",
    tag: "units",
    summary: "Government units, optionally of one region",
    access: "read",
    query: Schema.Struct({ region: Schema.optional(Schema.String) }),
    response: Schema.Struct({ items: Schema.Array(UnitRow) }),
    handler: async ({ c, query, deps }) => {
      const where: SQL | undefined = query.region === undefined ? undefined : and(eq(units.region, query.region))
      return c.json({ items: await deps.database.db.select().from(units).where(where).orderBy(asc(units.id)) })
    },
  }),
]
