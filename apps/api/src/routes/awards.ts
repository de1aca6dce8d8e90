/**
 * Awards: an enterprise's entitlements under a pack (computed by @srdi/core's Award.entitlements, each line citing
 * its clause), claims raised from them (one per award and event: no double-dipping), approval, a payment ledger
 * (one payment per claim: no double payment), and the budget by paying unit and year.
 */
import { Award, Calendar, type Enterprise, Uscc } from "@srdi/core"
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm"
import { Schema } from "effect"
import { record } from "../db/audit.js"
import { awardClaims, enterprises, payments } from "../db/schema.js"
import { pageFields, Page, paging } from "../http/list.js"
import { conflict, notFound } from "../http/problem.js"
import { etag, expectedVersion, route, stale } from "../http/route.js"
import { loadEnterprise } from "./enterprises.js"

const TAG = "awards"

const Claim = Schema.Struct({
  id: Schema.Int,
  packId: Schema.String,
  awardId: Schema.String,
  uscc: Schema.String,
  region: Schema.String,
  event: Schema.String,
  eventOn: Schema.String,
  budgetYear: Schema.Int,
  amount: Schema.NullOr(Schema.Number),
  unit: Schema.String,
  payer: Schema.NullOr(Schema.String),
  cite: Schema.Unknown,
  status: Schema.Literal("pending", "approved", "rejected", "paid"),
  decidedBy: Schema.NullOr(Schema.String),
  decidedAt: Schema.NullOr(Schema.String),
  version: Schema.Int,
  createdAt: Schema.String,
}).annotations({ identifier: "AwardClaim" })

/** The award routes. */
export const awardRoutes = [
  route({
    method: "get",
    path: "/enterprises/{uscc}/entitlements",
    tag: TAG,
    summary:
      "What an enterprise is entitled to under a pack as of a date (就高不重复 applied), each line citing its clause",
    access: "read",
    query: Schema.Struct({ pack: Schema.String, asOf: Calendar.IsoDate }),
    response: Schema.Struct({ pack: Schema.String, packHash: Schema.String, items: Schema.Array(Award.Entitlement) }),
    handler: async ({ c, params, query, scope, deps }) => {
      const db = deps.database.db
      const row = await loadEnterprise(db, scope, params.uscc!)
      const pack = await deps.packs.get(db, query.pack)
      const items = Award.entitlements(pack.resolved.awards, row.data as Enterprise.Enterprise, { asOf: query.asOf })
      return c.json({ pack: `${pack.id}@${pack.version}`, packHash: pack.hash, items })
    },
  }),
  route({
    method: "post",
    path: "/awards/claims",
    tag: TAG,
    summary: "Raise claims for an enterprise's due entitlements (lines already claimed are skipped, never duplicated)",
    access: "write",
    body: Schema.Struct({ pack: Schema.String, uscc: Uscc.Uscc, asOf: Calendar.IsoDate }),
    status: 201,
    response: Schema.Struct({ created: Schema.Array(Claim), skipped: Schema.Int }),
    handler: async ({ c, body, scope, user, deps }) => {
      const db = deps.database.db
      const pack = await deps.packs.get(db, body.pack)
      const result = await db.transaction(async (tx) => {
        const row = await loadEnterprise(tx, scope, body.uscc, true)
        scope.write(row.region)
        const lines = Award.entitlements(pack.resolved.awards, row.data as Enterprise.Enterprise, {
          asOf: body.asOf,
        }).filter((l) => l.status !== "superseded")
        if (lines.length === 0) return { created: [], skipped: 0 }
        const created = await tx
          .insert(awardClaims)
          .values(
            lines.map((l) => ({
              packId: pack.id,
              awardId: l.award,
              uscc: body.uscc,
              region: row.region,
              event: l.event,
              eventOn: l.on,
              budgetYear: l.budgetYear,
              amount: l.amount,
              unit: l.unit,
              payer: l.payer,
              cite: l.cite,
            })),
          )
          .onConflictDoNothing()
          .returning()
        await record(
          tx,
          user.username,
          created.map((cl) => ({
            action: "claim",
            entity: "award_claim",
            entityId: String(cl.id),
            region: cl.region,
            after: cl,
          })),
        )
        return { created, skipped: lines.length - created.length }
      })
      return c.json(result, 201)
    },
  }),
  route({
    method: "get",
    path: "/awards/claims",
    tag: TAG,
    summary: "Award claims in scope (filter by status, award, budget year, payer; paged, sorted)",
    access: "read",
    query: Schema.Struct({
      ...pageFields,
      status: Schema.optional(Schema.Literal("pending", "approved", "rejected", "paid")),
      award: Schema.optional(Schema.String),
      payer: Schema.optional(Schema.String),
      budgetYear: Schema.optional(Schema.NumberFromString.pipe(Schema.int())),
      uscc: Schema.optional(Schema.String),
    }),
    response: Page(Claim),
    handler: async ({ c, query, scope, deps }) => {
      const { limit, offset, orderBy } = paging(
        query,
        { id: awardClaims.id, amount: awardClaims.amount, budgetYear: awardClaims.budgetYear },
        "id",
      )
      const parts: Array<SQL | undefined> = [scope.where(awardClaims.region)]
      if (query.status !== undefined) parts.push(eq(awardClaims.status, query.status))
      if (query.award !== undefined) parts.push(eq(awardClaims.awardId, query.award))
      if (query.payer !== undefined) parts.push(eq(awardClaims.payer, query.payer))
      if (query.budgetYear !== undefined) parts.push(eq(awardClaims.budgetYear, query.budgetYear))
      if (query.uscc !== undefined) parts.push(eq(awardClaims.uscc, query.uscc))
      const where = and(...parts)
      const db = deps.database.db
      const [items, totals] = await Promise.all([
        db
          .select()
          .from(awardClaims)
          .where(where)
          .orderBy(...orderBy, asc(awardClaims.id))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(awardClaims).where(where),
      ])
      return c.json({ items, total: totals[0]?.n ?? 0, limit, offset })
    },
  }),
  route({
    method: "post",
    path: "/awards/claims/{id}/decision",
    tag: TAG,
    summary: "Approve or reject a pending claim (If-Match: the claim's version)",
    access: "write",
    ifMatch: true,
    body: Schema.Struct({ decision: Schema.Literal("approved", "rejected") }),
    response: Claim,
    handler: async ({ c, params, body, scope, user, deps }) => {
      const expected = expectedVersion(c)
      const id = Number(params.id) || 0
      const saved = await deps.database.db.transaction(async (tx) => {
        const found = (await tx.select().from(awardClaims).where(eq(awardClaims.id, id)).for("update"))[0]
        if (found === undefined) throw notFound("奖励申领 / claim", params.id!)
        scope.read(found.region, "奖励申领 / claim", params.id!)
        scope.write(found.region)
        if (found.version !== expected) throw stale("奖励申领 / claim", params.id!, found.version, expected)
        if (found.status !== "pending")
          throw conflict(
            `申领 ${id} 已是“${found.status}”状态，不能再审批`,
            `claim ${id} is already ${found.status}; only pending claims can be decided`,
          )
        const [updated] = await tx
          .update(awardClaims)
          .set({
            status: body.decision,
            decidedBy: user.username,
            decidedAt: new Date().toISOString(),
            version: found.version + 1,
          })
          .where(eq(awardClaims.id, id))
          .returning()
        await record(tx, user.username, [
          {
            action: body.decision,
            entity: "award_claim",
            entityId: String(id),
            region: found.region,
            before: found,
            after: updated,
          },
        ])
        return updated!
      })
      return c.json(saved, 200, { etag: etag(saved.version) })
    },
  }),
  route({
    method: "post",
    path: "/awards/claims/{id}/payments",
    tag: TAG,
    summary: "Record the payment of an approved claim (a claim is paid once: a second payment is a 409)",
    access: "write",
    status: 201,
    body: Schema.Struct({
      paidOn: Calendar.IsoDate,
      reference: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
    }),
    response: Schema.Struct({ id: Schema.Int, claimId: Schema.Int, amount: Schema.Number, paidOn: Schema.String }),
    handler: async ({ c, params, body, scope, user, deps }) => {
      const id = Number(params.id) || 0
      const paid = await deps.database.db.transaction(async (tx) => {
        const found = (await tx.select().from(awardClaims).where(eq(awardClaims.id, id)).for("update"))[0]
        if (found === undefined) throw notFound("奖励申领 / claim", params.id!)
        scope.read(found.region, "奖励申领 / claim", params.id!)
        scope.write(found.region)
        if (found.status === "paid")
          throw conflict(
            `申领 ${id} 已支付，不能重复支付`,
            `claim ${id} has already been paid; it cannot be paid twice`,
          )
        if (found.status !== "approved")
          throw conflict(`申领 ${id} 尚未批准（${found.status}）`, `claim ${id} is not approved (${found.status})`)
        if (found.amount === null || found.unit !== "wan_yuan")
          throw conflict(
            `申领 ${id} 没有可支付的金额（政策未规定金额或为评分加分）`,
            `claim ${id} has no payable amount (unspecified in the source, or evaluation points)`,
          )
        const [payment] = await tx
          .insert(payments)
          .values({
            claimId: id,
            region: found.region,
            amount: found.amount,
            payer: found.payer,
            budgetYear: found.budgetYear,
            paidOn: body.paidOn,
            reference: body.reference ?? null,
            paidBy: user.username,
          })
          .returning()
        await tx
          .update(awardClaims)
          .set({ status: "paid", version: found.version + 1 })
          .where(eq(awardClaims.id, id))
        await record(tx, user.username, [
          {
            action: "pay",
            entity: "award_claim",
            entityId: String(id),
            region: found.region,
            before: { status: found.status },
            after: payment,
          },
        ])
        return payment!
      })
      return c.json({ id: paid.id, claimId: paid.claimId, amount: paid.amount, paidOn: paid.paidOn }, 201)
    },
  }),
  route({
    method: "get",
    path: "/awards/budget",
    tag: TAG,
    summary:
      "Budget exposure by paying unit and year: entitlements simulated over the enterprises in scope, and the ledger paid",
    access: "read",
    query: Schema.Struct({
      pack: Schema.String,
      year: Schema.NumberFromString.pipe(Schema.int(), Schema.between(2000, 2100)),
    }),
    response: Schema.Struct({
      pack: Schema.String,
      year: Schema.Int,
      simulated: Award.Budget,
      paid: Schema.Array(
        Schema.Struct({
          payer: Schema.NullOr(Schema.String),
          budgetYear: Schema.Int,
          amount: Schema.Number,
          payments: Schema.Int,
        }),
      ),
    }),
    handler: async ({ c, query, scope, deps }) => {
      const db = deps.database.db
      const pack = await deps.packs.get(db, query.pack)
      const rows = await db.select({ data: enterprises.data }).from(enterprises).where(scope.where(enterprises.region))
      const simulated = Award.budget(
        pack.resolved.awards,
        rows.map((r) => r.data as Enterprise.Enterprise),
        { year: query.year, asOf: `${query.year}-12-31` },
      )
      const paid = await db
        .select({
          payer: payments.payer,
          budgetYear: payments.budgetYear,
          amount: sql<number>`sum(${payments.amount})`.mapWith(Number),
          payments: count(),
        })
        .from(payments)
        .where(and(scope.where(payments.region), eq(payments.budgetYear, query.year)))
        .groupBy(payments.payer, payments.budgetYear)
      return c.json({
        pack: `${pack.id}@${pack.version}`,
        year: query.year,
        simulated: Schema.encodeSync(Award.Budget)(simulated),
        paid,
      })
    },
  }),
]
