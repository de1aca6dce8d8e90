/**
 * The tier pyramid: how many enterprises hold each rung of the ladder (创新型中小企业 → 专精特新 → 小巨人 → 上市) on a
 * date, per region in the caller's scope. The demo seed counts its target observations with the same function.
 */
import { Calendar, type Enterprise, Region, Title } from "@srdi/core"
import { asc, sql } from "drizzle-orm"
import { Schema } from "effect"
import { enterprises, regions } from "../db/schema.js"
import { forbidden, notFound } from "../http/problem.js"
import { route } from "../http/route.js"

/** What counting needs of an enterprise: its titles and listing events. */
export type Holder = Pick<Enterprise.Enterprise, "titles" | "listing">

/** Per rung of the ladder, a count. */
export type TierCounts = { -readonly [T in Title.Tier]: number }

const Count = Schema.Int.pipe(Schema.nonNegative())
const TierCountsSchema = Schema.Struct({
  innovative_sme: Count,
  srdi_sme: Count,
  little_giant: Count,
  listed: Count,
}).annotations({
  identifier: "TierCounts",
})

const zero = (): TierCounts => ({ innovative_sme: 0, srdi_sme: 0, little_giant: 0, listed: 0 })

/** Whether an enterprise holds a title on a date, as core reads it (`listed` also through an exchange listing). */
export const holds = (e: Holder, title: string, asOf: Calendar.IsoDate): boolean =>
  Title.heldAt(e as Enterprise.Enterprise, [title], asOf) !== undefined

/**
 * Counts the holders of each rung (`holding`: an enterprise holding two rungs counts in both) and each enterprise at
 * its highest rung (`highest`, from `Title.tierAt`; enterprises on no rung are not counted).
 */
export const countTiers = (
  list: Iterable<Holder>,
  asOf: Calendar.IsoDate,
): { holding: TierCounts; highest: TierCounts; enterprises: number } => {
  const holding = zero()
  const highest = zero()
  let n = 0
  for (const e of list) {
    n++
    for (const tier of Title.LADDER) if (holds(e, tier, asOf)) holding[tier]++
    const top = Title.tierAt(e as Enterprise.Enterprise, asOf)
    if (top !== undefined) highest[top]++
  }
  return { holding, highest, enterprises: n }
}

const PyramidRow = Schema.Struct({
  region: Region.RegionCode,
  name: Schema.String,
  nameEn: Schema.NullOr(Schema.String),
  enterprises: Count.annotations({ description: "Enterprises of the region on record" }),
  holding: TierCountsSchema.annotations({
    description: "Enterprises holding each rung (one holding two counts in both)",
  }),
  highest: TierCountsSchema.annotations({ description: "Enterprises by the highest rung they hold" }),
}).annotations({ identifier: "PyramidRow" })

/** The answer of `GET /titles/pyramid`. */
export const Pyramid = Schema.Struct({
  asOf: Calendar.IsoDate,
  tiers: Schema.Array(Schema.Struct({ tier: Title.Tier, zh: Schema.String, en: Schema.String })).annotations({
    description: "The rungs, lowest first, with their names",
  }),
  items: Schema.Array(PyramidRow),
  total: Schema.Struct({ enterprises: Count, holding: TierCountsSchema, highest: TierCountsSchema }),
}).annotations({ identifier: "Pyramid" })

const PyramidQuery = Schema.Struct({
  asOf: Schema.optional(Calendar.IsoDate).annotations({ description: "Date the titles are read on (default: today)" }),
  region: Schema.optional(Region.RegionCode).annotations({ description: "Only this region and the regions within it" }),
})

/** The title routes. */
export const titleRoutes = [
  route({
    method: "get",
    path: "/titles/pyramid",
    tag: "titles",
    summary:
      "Enterprises holding each tier title (innovative SME → SRDI SME → little giant → listed) as of a date, per region in scope",
    description:
      "Counts valid titles on `asOf` (validity and revocation as @srdi/core's Title module reads them); `listed` also counts an exchange listing reached by then. A district admin sees only its own district.",
    access: "read",
    query: PyramidQuery,
    response: Pyramid,
    handler: async ({ c, query, scope, deps }) => {
      const db = deps.database.db
      const asOf = query.asOf ?? new Date().toISOString().slice(0, 10)
      const tree = await db.select().from(regions).orderBy(asc(regions.code))
      const wanted = query.region
      if (wanted !== undefined) {
        if (!tree.some((r) => r.code === wanted)) throw notFound("地区 / region", wanted)
        if (!tree.some((r) => scope.sees(r.code) && Region.isWithinByCode(r.code, wanted)))
          throw forbidden(
            `无权查看地区 ${wanted} 的企业称号统计`,
            `you may not see the title counts of region ${wanted}`,
          )
      }
      const rows = await db
        .select({
          region: enterprises.region,
          titles: sql<Holder["titles"] | null>`${enterprises.data}->'titles'`,
          listing: sql<Holder["listing"] | null>`${enterprises.data}->'listing'`,
        })
        .from(enterprises)
        .where(scope.where(enterprises.region))
      const byRegion = new Map<string, Array<Holder>>()
      for (const r of rows) {
        if (wanted !== undefined && !Region.isWithinByCode(r.region, wanted)) continue
        const list = byRegion.get(r.region) ?? []
        list.push({ titles: r.titles ?? [], listing: r.listing ?? [] })
        byRegion.set(r.region, list)
      }
      const names = new Map(tree.map((r) => [r.code, r]))
      const items = [...byRegion.keys()].sort().map((code) => ({
        region: code,
        name: names.get(code)?.name ?? code,
        nameEn: names.get(code)?.nameEn ?? null,
        ...countTiers(byRegion.get(code)!, asOf),
      }))
      const total = { enterprises: 0, holding: zero(), highest: zero() }
      for (const item of items) {
        total.enterprises += item.enterprises
        for (const tier of Title.LADDER) {
          total.holding[tier] += item.holding[tier]
          total.highest[tier] += item.highest[tier]
        }
      }
      const tiers = Title.LADDER.map((tier) => ({ tier, zh: Title.KNOWN[tier]!.zh, en: Title.KNOWN[tier]!.en }))
      return c.json({ asOf, tiers, items, total })
    },
  }),
]
