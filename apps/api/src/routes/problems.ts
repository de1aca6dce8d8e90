/**
 * The problem ledger (诊断问题清单 / 化解问题台账): problems found for an enterprise, categorised, assigned to a unit
 * with a due date, moved through allowed status transitions (@srdi/core's Problem.transition), summary and overdue.
 * The audit log of every write is readable here too.
 */
import { randomUUID } from "node:crypto"
import { Calendar, Problem, Uscc } from "@srdi/core"
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm"
import { Either, Schema } from "effect"
import { record } from "../db/audit.js"
import { audit, problems, units } from "../db/schema.js"
import { pageFields, Page, paging } from "../http/list.js"
import { badRequest, conflict, notFound } from "../http/problem.js"
import { etag, expectedVersion, route, stale } from "../http/route.js"
import type { Scope } from "../middleware/scope.js"
import { loadEnterprise } from "./enterprises.js"

const NewProblem = Schema.Struct({
  uscc: Uscc.Uscc,
  category: Problem.Category,
  dimension: Schema.optional(Schema.String.pipe(Schema.maxLength(100))),
  description: Schema.NonEmptyString.pipe(Schema.maxLength(4000)),
  unit: Schema.String,
  raisedOn: Calendar.IsoDate,
  dueOn: Calendar.IsoDate,
}).annotations({ identifier: "NewProblem" })

const StoredProblem = Schema.Struct({
  problem: Problem.Problem,
  region: Schema.String,
  version: Schema.Int,
}).annotations({ identifier: "StoredProblem" })

const present = (r: typeof problems.$inferSelect) => ({
  problem: r.data as Problem.Problem,
  region: r.region,
  version: r.version,
})

/** Unit officers see their own unit's problems; others see their regions'. */
const visible = (scope: Scope): SQL | undefined => {
  const p = scope.principal
  if (p.role === "unit_officer") return eq(problems.unit, p.unit ?? "-")
  return scope.where(problems.region)
}

/** The problem and audit routes. */
export const problemRoutes = [
  route({
    method: "get",
    path: "/problems",
    tag: "problems",
    summary: "The problem ledger in scope (filter by status, category, unit, enterprise; paged, sorted by due date)",
    access: "read",
    query: Schema.Struct({
      ...pageFields,
      status: Schema.optional(Problem.Status),
      category: Schema.optional(Problem.Category),
      unit: Schema.optional(Schema.String),
      uscc: Schema.optional(Schema.String),
    }),
    response: Page(StoredProblem),
    handler: async ({ c, query, scope, deps }) => {
      const { limit, offset, orderBy } = paging(
        query,
        { dueOn: problems.dueOn, id: problems.id, status: problems.status },
        "dueOn",
      )
      const parts: Array<SQL | undefined> = [visible(scope)]
      if (query.status !== undefined) parts.push(eq(problems.status, query.status))
      if (query.category !== undefined) parts.push(eq(problems.category, query.category))
      if (query.unit !== undefined) parts.push(eq(problems.unit, query.unit))
      if (query.uscc !== undefined) parts.push(eq(problems.uscc, query.uscc))
      const where = and(...parts)
      const db = deps.database.db
      const [rows, totals] = await Promise.all([
        db
          .select()
          .from(problems)
          .where(where)
          .orderBy(...orderBy, asc(problems.id))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(problems).where(where),
      ])
      return c.json({ items: rows.map(present), total: totals[0]?.n ?? 0, limit, offset })
    },
  }),
  route({
    method: "post",
    path: "/problems",
    tag: "problems",
    summary: "Record a diagnosed problem of an enterprise, assigned to a unit with a due date",
    access: "unit",
    status: 201,
    body: NewProblem,
    response: StoredProblem,
    handler: async ({ c, body, scope, user, deps }) => {
      if (body.dueOn < body.raisedOn)
        throw badRequest("办结期限早于发现日期", "the due date is before the date raised", [
          { pointer: "#/dueOn", at: "dueOn", message: { zh: "早于 raisedOn", en: "before raisedOn" } },
        ])
      const db = deps.database.db
      const saved = await db.transaction(async (tx) => {
        const firm = await loadEnterprise(tx, scope, body.uscc)
        const unit = (await tx.select().from(units).where(eq(units.id, body.unit)))[0]
        if (unit === undefined)
          throw badRequest(`未知单位 ${body.unit}`, `unknown unit ${body.unit}`, [
            { pointer: "#/unit", at: "unit", message: { zh: "未知单位", en: "unknown unit" } },
          ])
        scope.writeUnit(unit.id, firm.region)
        const problem: Problem.Problem = { id: randomUUID(), ...body, status: "open" }
        const [row] = await tx
          .insert(problems)
          .values({
            id: problem.id,
            uscc: body.uscc,
            region: firm.region,
            unit: unit.id,
            category: body.category,
            status: "open",
            dueOn: body.dueOn,
            data: problem,
          })
          .returning()
        await record(tx, user.username, [
          { action: "create", entity: "problem", entityId: problem.id, region: firm.region, after: problem },
        ])
        return row!
      })
      return c.json(present(saved), 201, { etag: etag(saved.version), location: `/problems/${saved.id}` })
    },
  }),
  route({
    method: "get",
    path: "/problems/{id}",
    tag: "problems",
    summary: "One problem; the ETag is its version",
    access: "read",
    response: StoredProblem,
    handler: async ({ c, params, scope, deps }) => {
      const row = (
        await deps.database.db
          .select()
          .from(problems)
          .where(and(eq(problems.id, params.id!), visible(scope)))
      )[0]
      if (row === undefined) throw notFound("问题 / problem", params.id!)
      return c.json(present(row), 200, { etag: etag(row.version) })
    },
  }),
  route({
    method: "post",
    path: "/problems/{id}/transitions",
    tag: "problems",
    summary: "Move a problem to a new status on a date (open → in_progress → resolved / closed_unresolved), If-Match",
    access: "unit",
    ifMatch: true,
    body: Schema.Struct({
      to: Problem.Status,
      on: Calendar.IsoDate,
      resolution: Schema.optional(Schema.String.pipe(Schema.maxLength(4000))),
    }),
    response: StoredProblem,
    handler: async ({ c, params, body, scope, user, deps }) => {
      const expected = expectedVersion(c)
      const saved = await deps.database.db.transaction(async (tx) => {
        const row = (
          await tx
            .select()
            .from(problems)
            .where(and(eq(problems.id, params.id!), visible(scope)))
            .for("update")
        )[0]
        if (row === undefined) throw notFound("问题 / problem", params.id!)
        scope.writeUnit(row.unit, row.region)
        if (row.version !== expected) throw stale("问题 / problem", params.id!, row.version, expected)
        const moved = Problem.transition(row.data as Problem.Problem, body.to, body.on, body.resolution)
        if (Either.isLeft(moved)) throw conflict(moved.left.message, moved.left.message)
        const [updated] = await tx
          .update(problems)
          .set({
            data: moved.right,
            status: moved.right.status,
            version: row.version + 1,
            updatedAt: new Date().toISOString(),
          })
          .where(eq(problems.id, row.id))
          .returning()
        await record(tx, user.username, [
          {
            action: `status:${body.to}`,
            entity: "problem",
            entityId: row.id,
            region: row.region,
            before: row.data,
            after: moved.right,
          },
        ])
        return updated!
      })
      return c.json(present(saved), 200, { etag: etag(saved.version) })
    },
  }),
  route({
    method: "get",
    path: "/problems-summary",
    tag: "problems",
    summary:
      "The ledger summed up on a date: by category × status, and per unit (open, overdue, resolved, median days)",
    access: "read",
    query: Schema.Struct({ asOf: Calendar.IsoDate }),
    response: Schema.Unknown,
    handler: async ({ c, query, scope, deps }) => {
      const rows = await deps.database.db.select({ data: problems.data }).from(problems).where(visible(scope))
      const list = rows.map((r) => r.data as Problem.Problem)
      return c.json({ ...Problem.summary(list, query.asOf), overdueItems: Problem.overdue(list, query.asOf) })
    },
  }),
  route({
    method: "get",
    path: "/audit",
    tag: "audit",
    summary:
      "The audit log: who changed what and when, with before and after (admins; district admins see their regions)",
    access: "write",
    query: Schema.Struct({
      ...pageFields,
      entity: Schema.optional(Schema.String),
      entityId: Schema.optional(Schema.String),
      actor: Schema.optional(Schema.String),
    }),
    response: Page(
      Schema.Struct({
        id: Schema.Number,
        at: Schema.String,
        actor: Schema.String,
        action: Schema.String,
        entity: Schema.String,
        entityId: Schema.String,
        region: Schema.NullOr(Schema.String),
        before: Schema.Unknown,
        after: Schema.Unknown,
      }),
    ),
    handler: async ({ c, query, scope, deps }) => {
      const { limit, offset } = paging(query, { id: audit.id }, "-id")
      // City-wide entries (region null) are for city-wide users only; inArray never matches null.
      const parts: Array<SQL | undefined> = [scope.where(audit.region)]
      if (query.entity !== undefined) parts.push(eq(audit.entity, query.entity))
      if (query.entityId !== undefined) parts.push(eq(audit.entityId, query.entityId))
      if (query.actor !== undefined) parts.push(eq(audit.actor, query.actor))
      const where = and(...parts)
      const db = deps.database.db
      const [items, totals] = await Promise.all([
        db.select().from(audit).where(where).orderBy(desc(audit.id)).limit(limit).offset(offset),
        db.select({ n: count() }).from(audit).where(where),
      ])
      return c.json({ items, total: totals[0]?.n ?? 0, limit, offset })
    },
  }),
]
