/**
 * Screenings and decisions: run one enterprise or a population against a pack's rule as of a date; every decision
 * is stored with the pack version hash, the input digest, who ran it, the verdict and the reasons (why), and the
 * full trace. Near-miss lists come from the latest screening of a rule.
 */
import { Calendar, Region, Rule, Uscc } from "@srdi/core"
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm"
import { Schema } from "effect"
import { decisions, screenings } from "../db/schema.js"
import { countField, countRows, pageFields, Page, paging } from "../http/list.js"
import { notFound } from "../http/problem.js"
import { route } from "../http/route.js"
import { evaluationOf, pickRule, runScreening } from "../screening/run.js"
import { loadEnterprise } from "./enterprises.js"

const TAG = "screenings"

const ScreeningRequest = Schema.Struct({
  pack: Schema.String.annotations({ description: "Pack id (active version) or id@version, e.g. cq-tongliang-2022" }),
  rule: Schema.optional(Schema.String).annotations({ description: "Rule id; or give `decides`" }),
  decides: Schema.optional(Schema.String).annotations({
    description: "Title, pool or award the rule decides, e.g. srdi_sme",
  }),
  asOf: Calendar.IsoDate,
  uscc: Schema.optional(Uscc.Uscc).annotations({ description: "Screen one enterprise; omit to screen the population" }),
  region: Schema.optional(Region.RegionCode).annotations({ description: "Limit a population run to one region" }),
}).annotations({ identifier: "ScreeningRequest" })

const ScreeningRow = Schema.Struct({
  id: Schema.Int,
  packId: Schema.String,
  packVersion: Schema.String,
  packHash: Schema.String,
  ruleId: Schema.String,
  asOf: Schema.String,
  region: Schema.NullOr(Schema.String),
  count: Schema.Int,
  summary: Schema.Unknown,
  createdBy: Schema.String,
  createdAt: Schema.String,
}).annotations({ identifier: "Screening" })

const DecisionRow = Schema.Struct({
  id: Schema.Number,
  screeningId: Schema.Int,
  uscc: Schema.String,
  region: Schema.String,
  packId: Schema.String,
  packVersion: Schema.String,
  packHash: Schema.String,
  ruleId: Schema.String,
  asOf: Schema.String,
  verdict: Rule.Verdict,
  score: Schema.NullOr(Schema.Number),
  distance: Schema.Number,
  nearMiss: Schema.Boolean,
  inputDigest: Schema.String,
  reasons: Schema.Unknown,
  evaluation: Schema.optional(Schema.NullOr(Rule.Evaluation)),
  recomputed: Schema.optional(Schema.Boolean).annotations({
    description: "The trace was re-derived from the pack hash and input digest",
  }),
  createdBy: Schema.String,
  createdAt: Schema.String,
}).annotations({ identifier: "Decision" })

const summaryColumns = {
  id: decisions.id,
  screeningId: decisions.screeningId,
  uscc: decisions.uscc,
  region: decisions.region,
  packId: decisions.packId,
  packVersion: decisions.packVersion,
  packHash: decisions.packHash,
  ruleId: decisions.ruleId,
  asOf: decisions.asOf,
  verdict: decisions.verdict,
  score: decisions.score,
  distance: decisions.distance,
  nearMiss: decisions.nearMiss,
  inputDigest: decisions.inputDigest,
  reasons: decisions.reasons,
  createdBy: decisions.createdBy,
  createdAt: decisions.createdAt,
}

const DecisionQuery = Schema.Struct({
  ...pageFields,
  ...countField,
  verdict: Schema.optional(Rule.Verdict),
  nearMiss: Schema.optional(Schema.Literal("true", "false")),
  region: Schema.optional(Schema.String),
})

const decisionSort = { distance: decisions.distance, uscc: decisions.uscc, score: decisions.score, id: decisions.id }

/** The screening routes. Screening writes decisions, so it needs an admin; reading them is scoped. */
export const screeningRoutes = [
  route({
    method: "post",
    path: "/screenings",
    tag: TAG,
    summary: "Screen one enterprise (uscc) or the population in scope against a pack's rule as of a date",
    description:
      "Stores a decision per enterprise with the pack version hash, input digest and who ran it. For one enterprise the answer includes the full evaluation: verdict, score, reasons in Chinese and English, the trace of every node with its clause, and the missing inputs.",
    access: "write",
    body: ScreeningRequest,
    status: 201,
    response: Schema.Struct({ screening: ScreeningRow, decision: Schema.optional(DecisionRow) }),
    handler: async ({ c, body, scope, user, deps }) => {
      const db = deps.database.db
      // The screening is filed under the region it covers: the enterprise's, the one asked for, or the caller's.
      let region: string | undefined = body.region
      if (body.uscc !== undefined) {
        const row = await loadEnterprise(db, scope, body.uscc)
        scope.write(row.region)
        region = row.region
      } else if (body.region !== undefined) scope.write(body.region)
      else if (!scope.all) {
        scope.write(user.region ?? "")
        region = user.region ?? undefined
      }
      const pack = await deps.packs.get(db, body.pack)
      const rule = pickRule(pack, body.asOf, body)
      const result = await runScreening(db, {
        pack,
        rule,
        asOf: body.asOf,
        scope,
        actor: user.username,
        uscc: body.uscc,
        region,
      })
      return c.json(result.decision === undefined ? { screening: result.screening } : result, 201, {
        location: `/screenings/${result.screening.id}`,
      })
    },
  }),
  route({
    method: "get",
    path: "/screenings",
    tag: TAG,
    summary: "Screenings run, newest first",
    access: "read",
    query: Schema.Struct({ ...pageFields }),
    response: Page(ScreeningRow),
    handler: async ({ c, query, scope, deps }) => {
      const { limit, offset } = paging(query, { id: screenings.id }, "-id")
      // A screening is visible when its region is (city-wide runs only to city-wide users).
      const where = scope.all ? undefined : scope.where(screenings.region)
      const db = deps.database.db
      const [items, totals] = await Promise.all([
        db.select().from(screenings).where(where).orderBy(desc(screenings.id)).limit(limit).offset(offset),
        db.select({ n: count() }).from(screenings).where(where),
      ])
      return c.json({ items, total: totals[0]?.n ?? 0, limit, offset })
    },
  }),
  route({
    method: "get",
    path: "/screenings/{id}",
    tag: TAG,
    summary: "One screening: pack version and hash, rule, date, counts by verdict and near misses",
    access: "read",
    response: ScreeningRow,
    handler: async ({ c, params, scope, deps }) => {
      const found = (
        await deps.database.db
          .select()
          .from(screenings)
          .where(eq(screenings.id, Number(params.id) || 0))
      )[0]
      if (found === undefined || (!scope.all && (found.region === null || !scope.sees(found.region))))
        throw notFound("筛查 / screening", params.id!)
      return c.json(found)
    },
  }),
  route({
    method: "get",
    path: "/screenings/{id}/decisions",
    tag: TAG,
    summary: "Decisions of a screening (filter by verdict, near miss, region; sort by distance, score, uscc)",
    access: "read",
    query: DecisionQuery,
    response: Page(DecisionRow),
    handler: async ({ c, params, query, scope, deps }) => {
      const { limit, offset, orderBy } = paging(query, decisionSort, "uscc")
      const parts: Array<SQL | undefined> = [
        eq(decisions.screeningId, Number(params.id) || 0),
        scope.where(decisions.region),
      ]
      if (query.verdict !== undefined) parts.push(eq(decisions.verdict, query.verdict))
      if (query.nearMiss !== undefined) parts.push(eq(decisions.nearMiss, query.nearMiss === "true"))
      if (query.region !== undefined) parts.push(eq(decisions.region, query.region))
      const where = and(...parts)
      const db = deps.database.db
      const items = await db
        .select(summaryColumns)
        .from(decisions)
        .where(where)
        .orderBy(...orderBy, asc(decisions.id))
        .limit(limit)
        .offset(offset)
      return c.json({ items, ...(await countRows(db, decisions, where, query.count)), limit, offset })
    },
  }),
  route({
    method: "get",
    path: "/decisions/{id}",
    tag: TAG,
    summary: "One decision with its full evaluation: the why (reasons, trace with clauses, missing inputs)",
    access: "read",
    response: DecisionRow,
    handler: async ({ c, params, scope, deps }) => {
      const found = (
        await deps.database.db
          .select()
          .from(decisions)
          .where(eq(decisions.id, Number(params.id) || 0))
      )[0]
      if (found === undefined) throw notFound("判定 / decision", params.id!)
      scope.read(found.region, "判定 / decision", params.id!)
      const evaluation = await evaluationOf(deps.database.db, deps.packs, found)
      return c.json({
        ...found,
        evaluation: evaluation ?? null,
        ...(found.evaluation === null && evaluation !== undefined ? { recomputed: true } : {}),
      })
    },
  }),
  route({
    method: "get",
    path: "/enterprises/{uscc}/decisions",
    tag: TAG,
    summary: "Every decision about an enterprise, newest first",
    access: "read",
    query: Schema.Struct({ ...pageFields }),
    response: Page(DecisionRow),
    handler: async ({ c, params, query, scope, deps }) => {
      const db = deps.database.db
      await loadEnterprise(db, scope, params.uscc!)
      const { limit, offset } = paging(query, { id: decisions.id }, "-id")
      const where = eq(decisions.uscc, params.uscc!)
      const [items, totals] = await Promise.all([
        db.select(summaryColumns).from(decisions).where(where).orderBy(desc(decisions.id)).limit(limit).offset(offset),
        db.select({ n: count() }).from(decisions).where(where),
      ])
      return c.json({ items, total: totals[0]?.n ?? 0, limit, offset })
    },
  }),
  route({
    method: "get",
    path: "/near-misses",
    tag: TAG,
    summary: "Firms just short of a rule (the latest screening of that pack and rule), closest first",
    access: "read",
    query: Schema.Struct({
      ...pageFields,
      pack: Schema.String,
      rule: Schema.String,
      region: Schema.optional(Schema.String),
    }),
    response: Schema.Struct({
      screening: Schema.NullOr(ScreeningRow),
      items: Schema.Array(DecisionRow),
      total: Schema.Int,
      limit: Schema.Int,
      offset: Schema.Int,
    }),
    handler: async ({ c, query, scope, deps }) => {
      const db = deps.database.db
      const packId = query.pack.split("@")[0]!
      const latest = (
        await db
          .select()
          .from(screenings)
          .where(
            and(
              eq(screenings.packId, packId),
              eq(screenings.ruleId, query.rule),
              scope.all ? undefined : scope.where(screenings.region),
            ),
          )
          .orderBy(desc(screenings.id))
          .limit(1)
      )[0]
      const { limit, offset } = paging(query, { distance: decisions.distance }, "distance")
      if (latest === undefined) return c.json({ screening: null, items: [], total: 0, limit, offset })
      const parts: Array<SQL | undefined> = [
        eq(decisions.screeningId, latest.id),
        eq(decisions.nearMiss, true),
        scope.where(decisions.region),
      ]
      if (query.region !== undefined) parts.push(eq(decisions.region, query.region))
      const where = and(...parts)
      const [items, totals] = await Promise.all([
        db
          .select(summaryColumns)
          .from(decisions)
          .where(where)
          .orderBy(asc(decisions.distance), asc(decisions.uscc))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(decisions).where(where),
      ])
      return c.json({ screening: latest, items, total: totals[0]?.n ?? 0, limit, offset })
    },
  }),
]
