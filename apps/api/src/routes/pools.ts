/**
 * Pools (培育库, 帮扶库, 拟上市储备库): members as of a date, entry and exit with reasons (kept in the enterprise's
 * record by @srdi/core's Pool.enter / Pool.exit), and the yearly intake against the quota.
 */
import { Calendar, type Enterprise, Pool, Uscc } from "@srdi/core"
import { and, asc, eq, sql } from "drizzle-orm"
import { Either, Schema } from "effect"
import { record } from "../db/audit.js"
import { enterpriseHistory, enterprises } from "../db/schema.js"
import { conflict, notFound } from "../http/problem.js"
import { etag, route, type Services } from "../http/route.js"
import type { Scope } from "../middleware/scope.js"
import { loadEnterprise, toStored } from "./enterprises.js"

const TAG = "pools"

const findPool = async (deps: Services, id: string, pack?: string) => {
  const db = deps.database.db
  const list = pack !== undefined ? [await deps.packs.get(db, pack)] : await deps.packs.active(db)
  for (const p of list) {
    const pool = p.resolved.pools.find((x) => x.id === id)
    if (pool !== undefined) return { pool, pack: p }
  }
  throw notFound("入库名单 / pool", id)
}

const Membership = Schema.Struct({
  uscc: Uscc.Uscc,
  on: Calendar.IsoDate,
  reason: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(500)),
  pack: Schema.optional(Schema.String),
}).annotations({ identifier: "PoolMembershipChange" })

const membersIn = async (deps: Services, scope: Scope, poolId: string) => {
  const rows = await deps.database.db
    .select({ data: enterprises.data })
    .from(enterprises)
    .where(
      and(
        scope.where(enterprises.region),
        sql`${enterprises.data}->'pools' @> ${JSON.stringify([{ pool: poolId }])}::jsonb`,
      ),
    )
    .orderBy(asc(enterprises.uscc))
  return rows.map((r) => r.data as Enterprise.Enterprise)
}

const change = (kind: "enter" | "exit") =>
  route({
    method: "post",
    path: kind === "enter" ? "/pools/{pool}/entries" : "/pools/{pool}/exits",
    tag: TAG,
    summary:
      kind === "enter"
        ? "Enter an enterprise into a pool with a reason"
        : "Take an enterprise out of a pool with a reason",
    access: "write",
    body: Membership,
    status: 201,
    response: Schema.Struct({ uscc: Schema.String, version: Schema.Int, pools: Schema.Array(Schema.Unknown) }),
    handler: async ({ c, params, body, scope, user, deps }) => {
      const { pool } = await findPool(deps, params.pool!, body.pack)
      const saved = await deps.database.db.transaction(async (tx) => {
        const row = await loadEnterprise(tx, scope, body.uscc, true)
        scope.write(row.region)
        const current = row.data as Enterprise.Enterprise
        const result =
          kind === "enter"
            ? Pool.enter(current, pool, body.on, body.reason)
            : Pool.exit(current, pool, body.on, body.reason)
        if (Either.isLeft(result))
          throw conflict(
            kind === "enter"
              ? `企业 ${body.uscc} 已在 ${pool.id} 中`
              : `企业 ${body.uscc} 不在 ${pool.id} 中，或退出日期早于入库日期`,
            result.left.message,
          )
        const data = toStored(result.right)
        const version = row.version + 1
        await tx
          .update(enterprises)
          .set({ data, version, updatedAt: new Date().toISOString() })
          .where(eq(enterprises.uscc, body.uscc))
        await tx
          .insert(enterpriseHistory)
          .values({ uscc: body.uscc, version, data, change: `pool:${kind}:${pool.id}`, changedBy: user.username })
        await record(tx, user.username, [
          {
            action: `pool:${kind}`,
            entity: "enterprise",
            entityId: body.uscc,
            region: row.region,
            before: { pools: current.pools },
            after: { pools: data.pools },
          },
        ])
        return { uscc: body.uscc, version, pools: data.pools ?? [] }
      })
      return c.json(saved, 201, { etag: etag(saved.version) })
    },
  })

/** The pool routes. */
export const poolRoutes = [
  route({
    method: "get",
    path: "/pools",
    tag: TAG,
    summary: "The pools the active packs declare, with entry rule, quota and clause",
    access: "read",
    response: Schema.Struct({ items: Schema.Array(Schema.Struct({ pack: Schema.String, pool: Pool.Pool })) }),
    handler: async ({ c, deps }) => {
      const list = await deps.packs.active(deps.database.db)
      const seen = new Set<string>()
      const items = list.flatMap((p) =>
        p.pack.pools
          .filter((x) => !seen.has(x.id) && seen.add(x.id))
          .map((pool) => ({ pack: p.id, pool: Schema.encodeSync(Pool.Pool)(pool) })),
      )
      return c.json({ items })
    },
  }),
  route({
    method: "get",
    path: "/pools/{pool}/members",
    tag: TAG,
    summary: "Members of a pool on a date (in the caller's regions), with entry reasons",
    access: "read",
    query: Schema.Struct({ asOf: Calendar.IsoDate, pack: Schema.optional(Schema.String) }),
    response: Schema.Struct({ pool: Schema.String, asOf: Schema.String, items: Schema.Array(Schema.Unknown) }),
    handler: async ({ c, params, query, scope, deps }) => {
      const { pool } = await findPool(deps, params.pool!, query.pack)
      const all = await membersIn(deps, scope, pool.id)
      const items = all
        .filter((e) => Pool.isMember(e, pool.id, query.asOf))
        .map((e) => ({
          uscc: e.uscc,
          name: e.name,
          region: e.region,
          membership: e.pools.filter((m) => m.pool === pool.id),
        }))
      return c.json({ pool: pool.id, asOf: query.asOf, items })
    },
  }),
  route({
    method: "get",
    path: "/pools/{pool}/intake",
    tag: TAG,
    summary: "Entries into a pool in a year against its quota (e.g. 每年不少于50家)",
    access: "read",
    query: Schema.Struct({
      year: Schema.NumberFromString.pipe(Schema.int(), Schema.between(2000, 2100)),
      pack: Schema.optional(Schema.String),
    }),
    response: Schema.Struct({
      pool: Schema.String,
      year: Schema.Int,
      entered: Schema.Int,
      quota: Schema.NullOr(Schema.Int),
      meetsQuota: Schema.NullOr(Schema.Boolean),
      shortfall: Schema.Int,
    }),
    handler: async ({ c, params, query, scope, deps }) => {
      const { pool } = await findPool(deps, params.pool!, query.pack)
      const intake = Pool.intake(await membersIn(deps, scope, pool.id), pool, query.year)
      return c.json({
        pool: intake.pool,
        year: intake.year,
        entered: intake.entered.length,
        quota: intake.quota,
        meetsQuota: intake.meetsQuota,
        shortfall: intake.shortfall,
      })
    },
  }),
  change("enter"),
  change("exit"),
]
