/**
 * Demo target observations, counted from the seeded demo population — never typed in: for each district target that
 * counts title holders (`enterprises.<title>`, a level) or new listings (`listings.new`, an increase since its start),
 * the count among the demo enterprises of its region at each year end. Rows carry a source saying they are demo data.
 */
import { type Calendar, type Enterprise, Title, type Target } from "@srdi/core"
import { sql } from "drizzle-orm"
import { record } from "../db/audit.js"
import type { Db } from "../db/client.js"
import { observations } from "../db/schema.js"
import type { PackCache } from "../packs/catalog.js"
import { holds, type Holder } from "../routes/titles.js"

/** The source written on every demo observation. */
export const DEMO_SOURCE = "演示数据：由合成演示企业统计 / demo data: counted from the synthetic demo population"

/** A target with the pack that declares it. */
export interface Declared {
  readonly pack: string
  readonly target: Target.Target
}

/** One observation row to store. */
export interface DemoObservation {
  readonly packId: string
  readonly targetId: string
  readonly region: string
  readonly on: Calendar.IsoDate
  readonly value: number
  readonly source: string
}

/** How a target's metric is counted over a region's enterprises on a date, or undefined when the demo cannot count it. */
const counter = (
  t: Target.Target,
): ((list: ReadonlyArray<Holder>, on: Calendar.IsoDate) => number | undefined) | undefined => {
  const title = /^enterprises\.([a-z][a-z0-9_]*)$/.exec(t.metric)?.[1]
  if (title !== undefined && t.basis === "level") return (list, on) => list.filter((e) => holds(e, title, on)).length
  if (t.metric === "listings.new" && t.basis === "increase" && t.start !== undefined) {
    const start = t.start
    return (list, on) => {
      if (on < start) return undefined
      return list.filter((e) => {
        const listed = Title.listingAt(e as Enterprise.Enterprise, on)
        return listed !== undefined && listed.reachedOn >= start
      }).length
    }
  }
  return undefined
}

/**
 * The observations of the targets whose region holds demo enterprises, at the end of each of `years`. City targets
 * are left alone: a demo population of two districts says nothing about the whole city.
 */
export const demoObservations = (
  targets: ReadonlyArray<Declared>,
  population: ReadonlyArray<Enterprise.Enterprise>,
  years: ReadonlyArray<number>,
): Array<DemoObservation> => {
  const byRegion = new Map<string, Array<Holder>>()
  for (const e of population) byRegion.set(e.region, [...(byRegion.get(e.region) ?? []), e])
  const out: Array<DemoObservation> = []
  for (const { pack, target } of targets) {
    const list = byRegion.get(target.region)
    const count = counter(target)
    if (list === undefined || count === undefined) continue
    for (const y of years) {
      const on = `${y}-12-31`
      const value = count(list, on)
      if (value !== undefined)
        out.push({ packId: pack, targetId: target.id, region: target.region, on, value, source: DEMO_SOURCE })
    }
  }
  return out
}

/** Every target of the active packs, attributed to the pack whose own layer declares it (once each). */
export const declaredTargets = async (db: Db, packs: PackCache): Promise<Array<Declared>> => {
  const seen = new Set<string>()
  const out: Array<Declared> = []
  for (const p of await packs.active(db))
    for (const target of p.pack.targets)
      if (!seen.has(target.id)) {
        seen.add(target.id)
        out.push({ pack: p.id, target })
      }
  return out
}

/** Stores the demo observations (replacing a demo row of the same target, region and date) and audits the seeding. */
export const seedDemoObservations = async (db: Db, rows: ReadonlyArray<DemoObservation>): Promise<void> => {
  if (rows.length === 0) return
  await db.transaction(async (tx) => {
    await tx
      .insert(observations)
      .values(rows.map((r) => ({ ...r, createdBy: "seed" })))
      .onConflictDoUpdate({
        target: [observations.targetId, observations.region, observations.on],
        set: { value: sql`excluded.value`, source: sql`excluded.source` },
        setWhere: sql`${observations.createdBy} = 'seed'`,
      })
    await record(tx, "seed", [
      {
        action: "seed:demo",
        entity: "target",
        entityId: "*",
        region: null,
        after: { observations: rows.length, source: DEMO_SOURCE },
      },
    ])
  })
}
