/**
 * Screening: one enterprise or a whole (scoped) population against a rule of an installed pack as of a date.
 * The rule is compiled once by @srdi/core; stored enterprises are read in pages and evaluated; decisions are
 * inserted in batches, all in one transaction, each carrying the pack version and hash, the input digest and
 * who ran it.
 */
import { createHash } from "node:crypto"
import { type Calendar, type Enterprise, Rule } from "@srdi/core"
import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm"
import { insertMany } from "../db/bulk.js"
import type { Db, Tx } from "../db/client.js"
import { decisions, enterpriseHistory, enterprises, screenings } from "../db/schema.js"
import { badRequest } from "../http/problem.js"
import type { Scope } from "../middleware/scope.js"
import type { Installed } from "../packs/catalog.js"

/**
 * The digest of an enterprise record as evaluated: `sha256:<hex>` of its JSON as the database returns it. PostgreSQL
 * (and PGlite) print a jsonb value with its keys in one canonical order, so the same stored content always gives the
 * same digest — without a sorting pass, which cost ten times the evaluation itself.
 */
export const inputDigest = (data: unknown): string =>
  `sha256:${createHash("sha256").update(JSON.stringify(data)).digest("hex")}`

/** Picks the rule to run: by id, or the one in force deciding a title/pool/award. */
export const pickRule = (
  pack: Installed,
  asOf: Calendar.IsoDate,
  ref: { rule?: string | undefined; decides?: string | undefined },
): Rule.Rule => {
  const rules = pack.resolved.rules
  const available = rules.map((r) => `${r.id}${r.decides !== undefined ? ` (${r.decides})` : ""}`).join(", ")
  if (ref.rule !== undefined) {
    const rule = rules.find((r) => r.id === ref.rule)
    if (rule === undefined)
      throw badRequest(
        `包 ${pack.id} 中没有规则 ${ref.rule}；可用：${available}`,
        `pack ${pack.id} has no rule ${ref.rule}; available: ${available}`,
        [{ pointer: "#/rule", at: "rule", message: { zh: `未知规则 ${ref.rule}`, en: `unknown rule ${ref.rule}` } }],
      )
    if (Rule.inForce([rule], asOf).length === 0)
      throw badRequest(
        `规则 ${rule.id} 在 ${asOf} 不在有效期内（${rule.effective.from} 起${rule.effective.until !== undefined ? `，至 ${rule.effective.until}` : ""}）`,
        `rule ${rule.id} is not in force on ${asOf} (from ${rule.effective.from}${rule.effective.until !== undefined ? ` until ${rule.effective.until}` : ""})`,
        [
          {
            pointer: "#/asOf",
            at: "asOf",
            message: { zh: "规则不在有效期内", en: "the rule is not in force on this date" },
          },
        ],
      )
    return rule
  }
  const candidates = Rule.inForce(
    ref.decides === undefined ? rules : rules.filter((r) => r.decides === ref.decides),
    asOf,
  )
  if (candidates.length !== 1)
    throw badRequest(
      `请用 rule 指定规则（${asOf} 有效的候选 ${candidates.length} 条）；可用：${available}`,
      `name the rule to run (${candidates.length} candidate(s) in force on ${asOf}); available: ${available}`,
      [{ pointer: "#/rule", at: "rule", message: { zh: "需要指定规则", en: "a rule is required" } }],
    )
  return candidates[0]!
}

/** Counts of a screening by verdict, with near misses. */
export interface Summary {
  eligible: number
  ineligible: number
  needs_review: number
  insufficient_data: number
  nearMiss: number
}

const emptySummary = (): Summary => ({ eligible: 0, ineligible: 0, needs_review: 0, insufficient_data: 0, nearMiss: 0 })

const tally = (summary: Summary, ev: Rule.Evaluation): void => {
  summary[ev.verdict] += 1
  if (ev.nearMiss) summary.nearMiss += 1
}

/** What to run and who runs it. */
export interface ScreeningOptions {
  readonly pack: Installed
  readonly rule: Rule.Rule
  readonly asOf: Calendar.IsoDate
  readonly scope: Scope
  readonly actor: string
  readonly uscc?: string | undefined
  readonly region?: string | undefined
  readonly pageSize?: number
}

/** Runs a screening and stores it; returns the screening row and, for one enterprise, its decision. */
export const runScreening = async (db: Db, options: ScreeningOptions) => {
  const { pack, rule, asOf, actor } = options
  const compiled = Rule.compile(rule, { asOf })
  const screeningRow = (region: string | null, count: number, summary: Summary) => ({
    packId: pack.id,
    packVersion: pack.version,
    packHash: pack.hash,
    ruleId: rule.id,
    asOf,
    region,
    count,
    summary,
    createdBy: actor,
  })
  // One enterprise: the full evaluation is stored. A population: the why (reasons, missing inputs) of every
  // decision that is not plainly ineligible; traces are re-derived on read from the pack hash and input digest
  // (GET /decisions/{id}), since storing 100,000 traces costs more than computing them.
  const decisionRow = (
    screeningId: number,
    row: { uscc: string; region: string; data: unknown },
    ev: Rule.Evaluation,
    single: boolean,
  ) => ({
    screeningId,
    uscc: row.uscc,
    region: row.region,
    packId: pack.id,
    packVersion: pack.version,
    packHash: pack.hash,
    ruleId: rule.id,
    asOf,
    verdict: ev.verdict,
    score: ev.score ?? null,
    distance: ev.distance,
    nearMiss: ev.nearMiss,
    inputDigest: inputDigest(row.data),
    evaluation: single ? ev : null,
    // Plain ineligible decisions keep verdict, distance and digest; their why is re-derivable from the pack hash.
    reasons: single || ev.verdict !== "ineligible" || ev.nearMiss ? ev.reasons : null,
    createdBy: actor,
  })
  const scoped: Array<SQL | undefined> = [options.scope.where(enterprises.region)]
  const columns = { uscc: enterprises.uscc, region: enterprises.region, data: enterprises.data }

  if (options.uscc !== undefined) {
    // One enterprise: read, evaluate, then write the screening already counted and its decision (three statements).
    const uscc = options.uscc
    return db.transaction(async (tx: Tx) => {
      const [row] = await tx
        .select(columns)
        .from(enterprises)
        .where(and(...scoped, eq(enterprises.uscc, uscc)))
      const summary = emptySummary()
      // Stored records were decoded by the Enterprise schema on write and stored encoded; the encoded form of
      // these schemas is the decoded form (defaults applied), so no second decode is needed.
      const ev = row === undefined ? undefined : compiled.evaluate(row.data as Enterprise.Enterprise)
      if (ev !== undefined) tally(summary, ev)
      const [screening] = await tx
        .insert(screenings)
        .values(screeningRow(options.region ?? null, ev === undefined ? 0 : 1, summary))
        .returning()
      const decision =
        ev === undefined
          ? undefined
          : (
              await tx
                .insert(decisions)
                .values(decisionRow(screening!.id, row!, ev, true))
                .returning()
            )[0]
      return { screening: screening!, decision }
    })
  }

  const pageSize = options.pageSize ?? 5000
  let total = 0
  const result = await db.transaction(async (tx: Tx) => {
    const [screening] = await tx
      .insert(screenings)
      .values(screeningRow(options.region ?? null, 0, {} as Summary))
      .returning()
    const summary = emptySummary()
    const base = [...scoped]
    // A district's own run covers the regions under it; an explicit region, just that one.
    if (options.region !== undefined && !(options.scope.principal.region === options.region && !options.scope.all))
      base.push(eq(enterprises.region, options.region))
    let after = ""
    for (;;) {
      const page = await tx
        .select(columns)
        .from(enterprises)
        .where(and(...base, gt(enterprises.uscc, after)))
        .orderBy(asc(enterprises.uscc))
        .limit(pageSize)
      if (page.length === 0) break
      after = page[page.length - 1]!.uscc
      const batch = page.map((row) => {
        const ev = compiled.evaluate(row.data as Enterprise.Enterprise)
        tally(summary, ev)
        return decisionRow(screening!.id, row, ev, false)
      })
      await insertMany(tx, decisions, batch)
      total += page.length
      if (page.length < pageSize) break
    }
    const [done] = await tx
      .update(screenings)
      .set({ count: total, summary })
      .where(eq(screenings.id, screening!.id))
      .returning()
    return { screening: done!, decision: undefined }
  })
  // A population run adds many rows at once; refresh the planner's statistics for the decision lists.
  if (total >= 1000) await db.execute(sql`analyze ${decisions}`)
  return result
}

/**
 * The evaluation behind a stored decision: stored for single screenings; for population decisions re-derived by
 * evaluating the same pack version's rule against the version of the record whose digest the decision carries.
 * Undefined when that record version is gone (the enterprise was deleted and its history pruned).
 */
export const evaluationOf = async (
  db: Db,
  packs: { get: (db: Db, ref: string) => Promise<Installed> },
  d: typeof decisions.$inferSelect,
): Promise<Rule.Evaluation | undefined> => {
  if (d.evaluation !== null) return d.evaluation as Rule.Evaluation
  const pack = await packs.get(db, `${d.packId}@${d.packVersion}`)
  const rule = pack.resolved.rules.find((r) => r.id === d.ruleId)
  if (rule === undefined || pack.hash !== d.packHash) return undefined
  const current = await db.select({ data: enterprises.data }).from(enterprises).where(eq(enterprises.uscc, d.uscc))
  const past = await db
    .select({ data: enterpriseHistory.data })
    .from(enterpriseHistory)
    .where(eq(enterpriseHistory.uscc, d.uscc))
  const record = [...current, ...past.reverse()].find((r) => r.data !== null && inputDigest(r.data) === d.inputDigest)
  if (record === undefined) return undefined
  return Rule.compile(rule, { asOf: d.asOf }).evaluate(record.data as Enterprise.Enterprise)
}
