/**
 * Enterprises: CRUD with optimistic concurrency, yearly financials, IP snapshots, titles, attestations and the
 * full version history. Records are decoded by @srdi/core's `Enterprise` schema on every write.
 */
import { Enterprise, Title, Uscc } from "@srdi/core"
import { and, asc, eq, ilike, or, type SQL } from "drizzle-orm"
import { Schema } from "effect"
import { record } from "../db/audit.js"
import type { Tx } from "../db/client.js"
import { enterpriseHistory, enterprises } from "../db/schema.js"
import { countField, countRows, pageFields, Page, paging } from "../http/list.js"
import { badRequest, conflict, notFound } from "../http/problem.js"
import { etag, expectedVersion, route, stale, type Input } from "../http/route.js"
import type { Scope } from "../middleware/scope.js"

const TAG = "enterprises"

/** What a list shows of an enterprise. */
export const EnterpriseSummary = Schema.Struct({
  uscc: Schema.String,
  name: Schema.String,
  region: Schema.String,
  industry: Schema.NullOr(Schema.String),
  version: Schema.Int,
  demo: Schema.Boolean,
  updatedAt: Schema.String,
}).annotations({ identifier: "EnterpriseSummary" })

/** One stored enterprise with its version. */
export const StoredEnterprise = Schema.Struct({
  enterprise: Enterprise.Enterprise,
  version: Schema.Int,
  demo: Schema.Boolean,
  createdAt: Schema.String,
  updatedAt: Schema.String,
}).annotations({ identifier: "StoredEnterprise" })

const decodeStored = Schema.decodeUnknownSync(Enterprise.Enterprise)

/**
 * The JSON stored for a decoded enterprise. The Enterprise schema's encoded form is its decoded form (plain JSON
 * values; the USCC brand exists only in types), so no encoding pass is needed — it cost a second per 10,000 firms.
 */
export const toStored = (e: Enterprise.Enterprise): Enterprise.EnterpriseInput => e

const ListQuery = Schema.Struct({
  ...pageFields,
  ...countField,
  region: Schema.optional(Schema.String),
  industry: Schema.optional(Schema.String),
  q: Schema.optional(Schema.String.pipe(Schema.maxLength(100))),
  demo: Schema.optional(Schema.Literal("true", "false")),
})

const UsccParam = (uscc: string): string => {
  const p = Uscc.problem(uscc)
  if (p === undefined) return uscc
  const d = Uscc.describe(p)
  throw badRequest(`路径中的统一社会信用代码无效：${d.zh}`, `the USCC in the path is invalid: ${d.en}`, [
    { pointer: "#/uscc", at: "uscc", message: d },
  ])
}

/** Reads one enterprise within scope, for update when in a transaction. */
export const loadEnterprise = async (tx: Tx, scope: Scope, uscc: string, forUpdate = false) => {
  const q = tx.select().from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1)
  const found = await (forUpdate ? q.for("update") : q)
  const row = found[0]
  if (row === undefined) throw notFound("企业 / enterprise", uscc)
  scope.read(row.region, "企业 / enterprise", uscc)
  return row
}

const present = (row: typeof enterprises.$inferSelect) => ({
  enterprise: row.data as Enterprise.EnterpriseInput,
  version: row.version,
  demo: row.demo,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

/**
 * Applies a change to a stored enterprise in one transaction: checks scope and `If-Match`, decodes the result,
 * bumps the version, and writes history and audit.
 */
const mutate = async (
  input: Input<unknown, unknown>,
  change: string,
  apply: (e: Enterprise.Enterprise) => Enterprise.Enterprise,
): Promise<Response> => {
  const { c, scope, user, deps } = input
  const uscc = UsccParam(input.params.uscc!)
  const expected = expectedVersion(c)
  const saved = await deps.database.db.transaction(async (tx) => {
    const row = await loadEnterprise(tx, scope, uscc, true)
    scope.write(row.region)
    if (row.version !== expected) throw stale("企业 / enterprise", uscc, row.version, expected)
    const next = apply(decodeStored(row.data))
    if (next.uscc !== uscc)
      throw badRequest("不能修改统一社会信用代码", "the USCC of an enterprise cannot change", [
        { pointer: "#/uscc", at: "uscc", message: { zh: `应为 ${uscc}`, en: `must be ${uscc}` } },
      ])
    scope.write(next.region)
    const data = toStored(next)
    const [updated] = await tx
      .update(enterprises)
      .set({
        data,
        name: next.name,
        region: next.region,
        industry: next.industry ?? null,
        version: row.version + 1,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(enterprises.uscc, uscc))
      .returning()
    await tx
      .insert(enterpriseHistory)
      .values({ uscc, version: row.version + 1, data, change, changedBy: user.username })
    await record(tx, user.username, [
      { action: change, entity: "enterprise", entityId: uscc, region: next.region, before: row.data, after: data },
    ])
    return updated!
  })
  return c.json(present(saved), 200, { etag: etag(saved.version) })
}

const filters = (scope: Scope, q: typeof ListQuery.Type): SQL | undefined => {
  const parts: Array<SQL | undefined> = [scope.where(enterprises.region)]
  if (q.region !== undefined) parts.push(eq(enterprises.region, q.region))
  if (q.industry !== undefined) parts.push(eq(enterprises.industry, q.industry))
  if (q.demo !== undefined) parts.push(eq(enterprises.demo, q.demo === "true"))
  if (q.q !== undefined && q.q !== "") {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => "\\" + m)}%`
    parts.push(or(ilike(enterprises.name, like), ilike(enterprises.uscc, like)))
  }
  return and(...parts)
}

const sortable = {
  uscc: enterprises.uscc,
  name: enterprises.name,
  region: enterprises.region,
  updatedAt: enterprises.updatedAt,
}

/** The enterprise routes. */
export const enterpriseRoutes = [
  route({
    method: "get",
    path: "/enterprises",
    tag: TAG,
    summary: "List enterprises (paged, filtered by region, industry, name or USCC, sorted)",
    access: "read",
    query: ListQuery,
    response: Page(EnterpriseSummary),
    handler: async ({ c, query, scope, deps }) => {
      const { limit, offset, orderBy } = paging(query, sortable, "uscc")
      const where = filters(scope, query)
      const db = deps.database.db
      const items = await db
        .select({
          uscc: enterprises.uscc,
          name: enterprises.name,
          region: enterprises.region,
          industry: enterprises.industry,
          version: enterprises.version,
          demo: enterprises.demo,
          updatedAt: enterprises.updatedAt,
        })
        .from(enterprises)
        .where(where)
        .orderBy(...orderBy, asc(enterprises.uscc))
        .limit(limit)
        .offset(offset)
      return c.json({ items, ...(await countRows(db, enterprises, where, query.count)), limit, offset })
    },
  }),
  route({
    method: "post",
    path: "/enterprises",
    tag: TAG,
    summary: "Create an enterprise",
    access: "write",
    body: Enterprise.Enterprise,
    response: StoredEnterprise,
    status: 201,
    handler: async ({ c, body, scope, user, deps }) => {
      scope.write(body.region)
      const data = toStored(body)
      const saved = await deps.database.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(enterprises)
          .values({ uscc: body.uscc, name: body.name, region: body.region, industry: body.industry ?? null, data })
          .onConflictDoNothing()
          .returning()
        const row = inserted[0]
        if (row === undefined)
          throw conflict(`企业 ${body.uscc} 已存在`, `enterprise ${body.uscc} already exists`, [
            { pointer: "#/uscc", at: "uscc", message: { zh: "已存在", en: "already exists" } },
          ])
        await tx
          .insert(enterpriseHistory)
          .values({ uscc: body.uscc, version: 1, data, change: "create", changedBy: user.username })
        await record(tx, user.username, [
          { action: "create", entity: "enterprise", entityId: body.uscc, region: body.region, after: data },
        ])
        return row
      })
      return c.json(present(saved), 201, { etag: etag(saved.version), location: `/enterprises/${saved.uscc}` })
    },
  }),
  route({
    method: "get",
    path: "/enterprises/{uscc}",
    tag: TAG,
    summary: "Get an enterprise with its whole record; the ETag is its version",
    access: "read",
    response: StoredEnterprise,
    handler: async ({ c, params, scope, deps }) => {
      const row = await loadEnterprise(deps.database.db, scope, UsccParam(params.uscc!))
      return c.json(present(row), 200, { etag: etag(row.version) })
    },
  }),
  route({
    method: "put",
    path: "/enterprises/{uscc}",
    tag: TAG,
    summary: "Replace an enterprise (If-Match: its version)",
    access: "write",
    ifMatch: true,
    body: Enterprise.Enterprise,
    response: StoredEnterprise,
    handler: (input) => mutate(input, "update", () => input.body),
  }),
  route({
    method: "delete",
    path: "/enterprises/{uscc}",
    tag: TAG,
    summary: "Delete an enterprise (If-Match: its version); its history and audit trail stay",
    access: "write",
    ifMatch: true,
    status: 204,
    handler: async ({ c, params, scope, user, deps }) => {
      const uscc = UsccParam(params.uscc!)
      const expected = expectedVersion(c)
      await deps.database.db.transaction(async (tx) => {
        const row = await loadEnterprise(tx, scope, uscc, true)
        scope.write(row.region)
        if (row.version !== expected) throw stale("企业 / enterprise", uscc, row.version, expected)
        await tx.delete(enterprises).where(eq(enterprises.uscc, uscc))
        await tx
          .insert(enterpriseHistory)
          .values({ uscc, version: row.version + 1, data: null, change: "delete", changedBy: user.username })
        await record(tx, user.username, [
          { action: "delete", entity: "enterprise", entityId: uscc, region: row.region, before: row.data },
        ])
      })
      return c.body(null, 204)
    },
  }),
  route({
    method: "get",
    path: "/enterprises/{uscc}/history",
    tag: TAG,
    summary: "Every version of an enterprise, newest first, with who changed it and how",
    access: "read",
    response: Schema.Struct({
      items: Schema.Array(
        Schema.Struct({
          version: Schema.Int,
          change: Schema.String,
          changedBy: Schema.String,
          changedAt: Schema.String,
          data: Schema.NullOr(Schema.Unknown),
        }),
      ),
    }),
    handler: async ({ c, params, scope, deps }) => {
      const uscc = UsccParam(params.uscc!)
      const db = deps.database.db
      const items = await db
        .select({
          version: enterpriseHistory.version,
          change: enterpriseHistory.change,
          changedBy: enterpriseHistory.changedBy,
          changedAt: enterpriseHistory.changedAt,
          data: enterpriseHistory.data,
        })
        .from(enterpriseHistory)
        .where(eq(enterpriseHistory.uscc, uscc))
        .orderBy(asc(enterpriseHistory.id))
      // Scope by the latest region the record had (a deleted record keeps its last region).
      const last = [...items].reverse().find((i) => i.data !== null)?.data as { region?: string } | undefined
      if (last === undefined) throw notFound("企业 / enterprise", uscc)
      scope.read(last.region ?? "", "企业 / enterprise", uscc)
      return c.json({ items: items.reverse() })
    },
  }),
  route({
    method: "put",
    path: "/enterprises/{uscc}/financials/{year}",
    tag: TAG,
    summary: "Add or replace one year of financials (If-Match)",
    access: "write",
    ifMatch: true,
    body: Enterprise.FinancialYear,
    response: StoredEnterprise,
    handler: (input) => {
      const year = Number(input.params.year)
      if (input.body.year !== year)
        throw badRequest(
          `年份不一致：路径为 ${input.params.year}，内容为 ${input.body.year}`,
          `year mismatch: path ${input.params.year}, body ${input.body.year}`,
          [
            {
              pointer: "#/year",
              at: "year",
              message: { zh: `应为 ${input.params.year}`, en: `must be ${input.params.year}` },
            },
          ],
        )
      return mutate(input, "financials", (e) => ({
        ...e,
        financials: [...e.financials.filter((f) => f.year !== year), input.body].sort((a, b) => a.year - b.year),
      }))
    },
  }),
  route({
    method: "post",
    path: "/enterprises/{uscc}/ip",
    tag: TAG,
    summary: "Record an IP snapshot (If-Match); a snapshot on the same date replaces the earlier one",
    access: "write",
    ifMatch: true,
    body: Enterprise.IpSnapshot,
    response: StoredEnterprise,
    handler: (input) =>
      mutate(input, "ip", (e) => ({
        ...e,
        ip: [...e.ip.filter((s) => s.asOf !== input.body.asOf), input.body].sort((a, b) =>
          a.asOf.localeCompare(b.asOf),
        ),
      })),
  }),
  route({
    method: "post",
    path: "/enterprises/{uscc}/titles",
    tag: TAG,
    summary:
      "Record a title grant, review or revocation (If-Match); the same title and grant date replaces the earlier entry",
    access: "write",
    ifMatch: true,
    body: Title.Holding,
    response: StoredEnterprise,
    handler: (input) =>
      mutate(input, "title", (e) => ({
        ...e,
        titles: [
          ...e.titles.filter((t) => !(t.title === input.body.title && t.grantedOn === input.body.grantedOn)),
          input.body,
        ],
      })),
  }),
  route({
    method: "post",
    path: "/enterprises/{uscc}/attestations",
    tag: TAG,
    summary: "Attest a qualitative criterion with evidence (If-Match); the newest attestation of a criterion applies",
    access: "write",
    ifMatch: true,
    body: Enterprise.Attestation,
    response: StoredEnterprise,
    handler: (input) =>
      mutate(input, "attestation", (e) => ({
        ...e,
        attestations: [...e.attestations.filter((a) => a.criterion !== input.body.criterion), input.body],
      })),
  }),
]
