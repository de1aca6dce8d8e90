/**
 * First-start seeding: the bundled packs (regions, units, rules...), and — unless disabled — a synthetic demo
 * population of Tongliang and Shizhu with several years of history, clearly labelled as demo data (names start
 * with 演示·, rows flagged `demo`), the district targets' observations counted from that population (source says
 * demo), a handful of demo problems per district (descriptions start with 演示·), plus one demo login per role.
 */
import { type Enterprise, Synthetic } from "@srdi/core"
import { count, eq, sql } from "drizzle-orm"
import { randomBytes } from "node:crypto"
import { record } from "../db/audit.js"
import type { Db } from "../db/client.js"
import { enterpriseHistory, enterprises, packs, users } from "../db/schema.js"
import type { Logger } from "../middleware/logger.js"
import { installPacks, PackCache, readAllBundled } from "../packs/catalog.js"
import { toStored } from "../routes/enterprises.js"
import { declaredTargets, demoObservations, seedDemoObservations } from "./observations.js"
import { demoProblems, seedDemoProblems, unitsOf } from "./problems.js"
import { BASE_REGIONS, upsertRegions } from "./regions.js"
import { DEMO_USERS, ensureUsers, type NewUser } from "./users.js"

/** What the seed did, for the start banner. */
export interface SeedReport {
  readonly packs: number
  readonly demoEnterprises: number
  readonly logins: ReadonlyArray<NewUser>
  readonly demo: boolean
}

/** Inserts a demo population in batches, in one transaction. */
export const seedDemoPopulation = async (db: Db, list: ReadonlyArray<Enterprise.Enterprise>): Promise<void> => {
  await db.transaction(async (tx) => {
    for (let i = 0; i < list.length; i += 1000) {
      const rows = list.slice(i, i + 1000).map((e) => ({
        uscc: e.uscc as string,
        name: e.name,
        region: e.region,
        industry: e.industry ?? null,
        data: toStored(e),
        demo: true,
      }))
      await tx.insert(enterprises).values(rows).onConflictDoNothing()
      await tx
        .insert(enterpriseHistory)
        .values(rows.map((r) => ({ uscc: r.uscc, version: 1, data: r.data, change: "seed:demo", changedBy: "seed" })))
    }
    await record(tx, "seed", [
      { action: "seed:demo", entity: "enterprise", entityId: "*", region: null, after: { count: list.length } },
    ])
  })
  await db.execute(sql`analyze ${enterprises}`)
}

/** Seeds what is missing: packs when none are installed, demo data and users on an empty user table. */
export const seed = async (
  db: Db,
  options: {
    readonly packs: boolean
    readonly demo: boolean
    readonly demoSize: number
    readonly adminPassword?: string | undefined
  },
  logger: Logger,
): Promise<SeedReport> => {
  await db.transaction((tx) => upsertRegions(tx, BASE_REGIONS))
  let installed = 0
  const havePacks = (await db.select({ n: count() }).from(packs))[0]?.n ?? 0
  if (options.packs && havePacks === 0) {
    const bundled = readAllBundled()
    const result = await db.transaction((tx) => installPacks(tx, bundled, "seed"))
    installed = result.filter((r) => r.installed).length
    logger.info("seed.packs", { installed: result.map((r) => `${r.id}@${r.version}`) })
  }
  const haveUsers = (await db.select({ n: count() }).from(users))[0]?.n ?? 0
  if (haveUsers > 0) return { packs: installed, demoEnterprises: 0, logins: [], demo: false }
  if (options.demo) {
    const [lastYear, years] = [2024, 5]
    const districts = ["500151", "500240"]
    const population = Synthetic.population({ seed: 2025, size: options.demoSize, regions: districts, lastYear, years })
    await seedDemoPopulation(db, population)
    const yearEnds = Array.from({ length: years }, (_, i) => lastYear - years + 1 + i)
    const observed = demoObservations(await declaredTargets(db, new PackCache()), population, yearEnds)
    await seedDemoObservations(db, observed)
    // Dated around the day of seeding, so the ledger has problems both overdue and not yet due.
    const problems = demoProblems(population, await unitsOf(db, districts), new Date().toISOString().slice(0, 10))
    await seedDemoProblems(db, problems)
    const logins = await ensureUsers(db, DEMO_USERS)
    logger.info("seed.demo", {
      enterprises: population.length,
      observations: observed.length,
      problems: problems.length,
      users: logins.map((u) => u.username),
    })
    return { packs: installed, demoEnterprises: population.length, logins, demo: true }
  }
  const password = options.adminPassword ?? randomBytes(12).toString("base64url")
  const admin: NewUser = {
    username: "admin",
    displayName: "Municipal admin",
    password,
    role: "municipal_admin",
    region: "500000",
    unit: null,
  }
  await ensureUsers(db, [admin])
  // Only a generated password is shown (once); one from the environment is already known to the operator.
  return {
    packs: installed,
    demoEnterprises: 0,
    logins: options.adminPassword === undefined ? [admin] : [],
    demo: false,
  }
}

/** How many demo records are stored (for the banner on later starts). */
export const demoCount = async (db: Db): Promise<number> =>
  (
    await db
      .select({ n: count() })
      .from(enterprises)
      .where(eq(enterprises.demo, sql`true`))
  )[0]?.n ?? 0
