/**
 * Screening: one enterprise or a whole (scoped) population against a rule of an installed pack as of a date.
 * The rule is compiled once by @srdi/core; stored enterprises are read in pages and evaluated; decisions are
 * inserted in batches, all in one transaction, each carrying the pack version and hash, the input digest and
 * who ran it.
 */
import { createHash } from "node:crypto"
import { type Calendar, type Enterprise, Rule } from "@srdi/core"
import { and, asc, eq, gt, type SQL } from "drizzle-orm"
import type { Db, Tx } from "../db/client.js"
import { decisions, enterprises, screenings } from "../db/schema.js"
import { badRequest } from "../http/problem.js"
import type { Scope } from "../middleware/scope.js"
import type { Installed } from "../packs/catalog.js"

/** JSON with object keys sorted, so the same record always digests the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null"
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`
}

/** The digest of an enterprise record as evaluated: `sha256:<hex>` of its canonical JSON. */
export const inputDigest = (data: unknown): string => `sha256:${createHash("sha256").update(canonicalJson(data)).digest("hex")}`

/** Picks the rule to run: by id, or the one in force deciding a title/pool/award. */
export const pickRule = (pack: Installed, asOf: Calendar.IsoDate, ref: { rule?: string | undefined; decides?: string | undefined }): Rule.Rule => {
  const rules = pack.resolved.rules
  const available = rules.map((r) => `${r.id}${r.decides !== undefined ? ` (${r.decides})` : ""}`).join(", ")
  if (ref.rule !== undefined) {
    const rule = rules.find((r) => r.id === ref.rule)
    if (rule === undefined)
      throw badRequest(`包 ${pack.id} 中没有规则 ${ref.rule}；可用：${available}`, `pack ${pack.id} has no rule ${ref.rule}; available: ${available}`, [
        { pointer: "#/rule", at: "rule", message: { zh: `未知规则 ${ref.rule}`, en: `unknown rule ${ref.rule}` } },
      ])
    if (Rule.inForce([rule], asOf).length === 0)
      throw badRequest(
        `规则 ${rule.id} 在 ${asOf} 不在有效期内（${rule.effective.from} 起${rule.effective.until !== undefined ? `，至 ${rule.effective.until}` : ""}）`,
        `rule ${rule.id} is not in force on ${asOf} (from ${rule.effective.from}${rule.effective.until !== undefined ? ` until ${rule.effective.until}` : ""})`,
        [{ pointer: "#/asOf", at: "asOf", message: { zh: "规则不在有效期内", en: "the rule is not in force on this date" } }],
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

/** Runs a screening and stores it; returns the screening row and, for one enterprise, its decision. */
export const runScreening = async (
  db: Db,
  options: {
    readonly pack: Installed
    readonly rule: Rule.Rule
    readonly asOf: Calendar.IsoDate
    readonly scope: Scope
    readonly actor: string
    readonly uscc?: string | undefined
    readonly region?: string | undefined
    readonly pageSize?: number
  },
) => {
  const { pack, rule, asOf, scope, actor } = options
  const compiled = Rule.compile(rule, { asOf })
  const pageSize = options.pageSize ?? 5000
  return db.transaction(async (tx: Tx) => {
    const [screening] = await tx
      .insert(screenings)
      .values({
        packId: pack.id,
        packVersion: pack.version,
        packHash: pack.hash,
        ruleId: rule.id,
        asOf,
        region: options.region ?? null,
        summary: {},
        createdBy: actor,
      })
      .returning()
    const summary: Summary = { eligible: 0, ineligible: 0, needs_review: 0, insufficient_data: 0, nearMiss: 0 }
    const base: Array<SQL | undefined> = [scope.where(enterprises.region)]
    if (options.region !== undefined && options.uscc === undefined) {
      // A district's own run covers the regions under it; an explicit region, just that one.
      if (!(options.scope.principal.region === options.region && !options.scope.all)) base.push(eq(enterprises.region, options.region))
    }
    if (options.uscc !== undefined) base.push(eq(enterprises.uscc, options.uscc))
    let after = ""
    let total = 0
    let single: (typeof decisions.$inferSelect) | undefined
    for (;;) {
      const page = await tx
        .select({ uscc: enterprises.uscc, region: enterprises.region, data: enterprises.data })
        .from(enterprises)
        .where(and(...base, gt(enterprises.uscc, after)))
        .orderBy(asc(enterprises.uscc))
        .limit(pageSize)
      if (page.length === 0) break
      after = page[page.length - 1]!.uscc
      const batch: Array<typeof decisions.$inferInsert> = []
      for (const row of page) {
        // Stored records were decoded by the Enterprise schema on write and stored encoded; the encoded form of
        // these schemas is the decoded form (defaults applied), so no second decode is needed.
        const ev = compiled.evaluate(row.data as Enterprise.Enterprise)
        summary[ev.verdict] += 1
        if (ev.nearMiss) summary.nearMiss += 1
        const keep = options.uscc !== undefined || ev.verdict !== "ineligible" || ev.nearMiss
        batch.push({
          screeningId: screening!.id,
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
          evaluation: keep ? ev : null,
          // Plain ineligible decisions keep verdict, distance and digest; their why is re-derivable from the pack hash.
          reasons: keep ? ev.reasons : null,
          createdBy: actor,
        })
      }
      if (options.uscc !== undefined) single = (await tx.insert(decisions).values(batch).returning())[0]
      else for (let i = 0; i < batch.length; i += 1000) await tx.insert(decisions).values(batch.slice(i, i + 1000))
      total += page.length
      if (page.length < pageSize) break
    }
    const [done] = await tx
      .update(screenings)
      .set({ count: total, summary })
      .where(eq(screenings.id, screening!.id))
      .returning()
    return { screening: done!, decision: single }
  })
}
