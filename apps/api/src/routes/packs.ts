/**
 * Packs: installed versions, a clause browser quoting the original text of every item, a diff between two packs
 * or versions (by @srdi/core's Pack.diff), and installing a new version (municipal admins).
 */
import { Pack } from "@srdi/core"
import { and, asc, desc, eq } from "drizzle-orm"
import { Schema } from "effect"
import { record } from "../db/audit.js"
import { packs } from "../db/schema.js"
import { notFound } from "../http/problem.js"
import { route } from "../http/route.js"
import { installPacks, readBundled } from "../packs/catalog.js"

const TAG = "packs"

const PackRow = Schema.Struct({
  id: Schema.String,
  version: Schema.String,
  hash: Schema.String,
  title: Schema.String,
  region: Schema.String,
  active: Schema.Boolean,
  installedAt: Schema.String,
}).annotations({ identifier: "InstalledPack" })

const Clause = Schema.Struct({
  kind: Schema.String,
  id: Schema.String,
  name: Schema.Unknown,
  source: Schema.String,
  clause: Schema.String,
  text: Schema.String,
  note: Schema.optional(Schema.String),
}).annotations({ identifier: "Clause" })

const KINDS = ["rules", "targets", "tasks", "awards", "pools", "gaps"] as const

const clausesOf = (p: Pack.Pack, kind?: (typeof KINDS)[number]) => {
  const out: Array<typeof Clause.Type> = []
  const push = (
    k: string,
    id: string,
    name: unknown,
    cite: { source: string; clause: string; text: string; note?: string | undefined } | undefined,
  ) => {
    if (cite === undefined) return
    out.push({
      kind: k,
      id,
      name,
      source: cite.source,
      clause: cite.clause,
      text: cite.text,
      ...(cite.note !== undefined ? { note: cite.note } : {}),
    })
  }
  if (kind === undefined || kind === "rules") for (const r of p.rules) push("rule", r.id, r.name, r.cite)
  if (kind === undefined || kind === "targets") for (const t of p.targets) push("target", t.id, t.label, t.cite)
  if (kind === undefined || kind === "tasks") for (const t of p.tasks) push("task", t.id, t.title, t.cite)
  if (kind === undefined || kind === "awards") for (const a of p.awards) push("award", a.id, a.name, a.cite)
  if (kind === undefined || kind === "pools") for (const x of p.pools) push("pool", x.id, x.name, x.cite)
  if (kind === undefined || kind === "gaps") for (const g of p.gaps) push("gap", g.id, g.description, g.cite)
  return out
}

const list = {
  id: packs.id,
  version: packs.version,
  hash: packs.hash,
  title: packs.title,
  region: packs.region,
  active: packs.active,
  installedAt: packs.installedAt,
}

/** The pack routes. Packs are public documents: every signed-in role may read them. */
export const packRoutes = [
  route({
    method: "get",
    path: "/packs",
    tag: TAG,
    summary: "Installed packs and versions (the active version is the one screenings use by default)",
    access: "read",
    response: Schema.Struct({ items: Schema.Array(PackRow) }),
    handler: async ({ c, deps }) =>
      c.json({
        items: await deps.database.db.select(list).from(packs).orderBy(asc(packs.id), desc(packs.installedAt)),
      }),
  }),
  route({
    method: "get",
    path: "/packs/{ref}",
    tag: TAG,
    summary: "A pack (`id` for the active version, `id@version` for another): metadata, hash and its own layer",
    access: "read",
    response: Schema.Struct({ id: Schema.String, version: Schema.String, hash: Schema.String, pack: Schema.Unknown }),
    handler: async ({ c, params, deps }) => {
      const p = await deps.packs.get(deps.database.db, params.ref!)
      return c.json({ id: p.id, version: p.version, hash: p.hash, pack: Schema.encodeSync(Pack.Pack)(p.pack) })
    },
  }),
  route({
    method: "get",
    path: "/packs/{ref}/resolved",
    tag: TAG,
    summary: "A pack with the packs it extends applied (what screenings evaluate)",
    access: "read",
    response: Schema.Unknown,
    handler: async ({ c, params, deps }) => {
      const p = await deps.packs.get(deps.database.db, params.ref!)
      return c.json(Schema.encodeSync(Pack.Pack)(p.resolved))
    },
  }),
  route({
    method: "get",
    path: "/packs/{ref}/clauses",
    tag: TAG,
    summary: "Clause browser: every rule, target, task, award, pool and gap with its clause number and original text",
    access: "read",
    query: Schema.Struct({
      kind: Schema.optional(Schema.Literal(...KINDS)),
      resolved: Schema.optional(Schema.Literal("true", "false")),
    }),
    response: Schema.Struct({ items: Schema.Array(Clause) }),
    handler: async ({ c, params, query, deps }) => {
      const p = await deps.packs.get(deps.database.db, params.ref!)
      return c.json({ items: clausesOf(query.resolved === "true" ? p.resolved : p.pack, query.kind) })
    },
  }),
  route({
    method: "get",
    path: "/packs/{ref}/diff",
    tag: TAG,
    summary:
      "Differences between this pack and another (`against=id` or `id@version`): items, thresholds, amounts, targets",
    access: "read",
    query: Schema.Struct({ against: Schema.String, resolved: Schema.optional(Schema.Literal("true", "false")) }),
    response: Pack.Diff,
    handler: async ({ c, params, query, deps }) => {
      const db = deps.database.db
      const [a, b] = await Promise.all([deps.packs.get(db, query.against), deps.packs.get(db, params.ref!)])
      const useResolved = query.resolved === "true"
      return c.json(
        Schema.encodeSync(Pack.Diff)(Pack.diff(useResolved ? a.resolved : a.pack, useResolved ? b.resolved : b.pack)),
      )
    },
  }),
  route({
    method: "post",
    path: "/packs",
    tag: TAG,
    summary: "Install a pack version (municipal admin). The pack is validated against the packs it extends",
    access: "municipal",
    body: Pack.Pack,
    status: 201,
    response: Schema.Struct({
      id: Schema.String,
      version: Schema.String,
      hash: Schema.String,
      installed: Schema.Boolean,
    }),
    handler: async ({ c, body, user, deps }) => {
      const db = deps.database.db
      const installed = await db
        .select({ id: packs.id, resolved: packs.pack, active: packs.active })
        .from(packs)
        .where(eq(packs.active, true))
      const byId = new Map(installed.map((r) => [r.id, Schema.decodeUnknownSync(Pack.Pack)(r.resolved)]))
      const result = await db.transaction((tx) =>
        installPacks(tx, [body], user.username, (id) => byId.get(id) ?? readBundled(id)),
      )
      const r = result[0]!
      return c.json(r, r.installed ? 201 : 200)
    },
  }),
  route({
    method: "post",
    path: "/packs/{ref}/activate",
    tag: TAG,
    summary: "Make an installed version (`id@version`) the active one (municipal admin)",
    access: "municipal",
    response: PackRow,
    handler: async ({ c, params, user, deps }) => {
      const [id, version] = params.ref!.split("@")
      if (version === undefined) throw notFound("政策包版本 / pack version", params.ref!)
      const db = deps.database.db
      const row = await db.transaction(async (tx) => {
        const found = await tx.select(list).from(packs).where(eq(packs.id, id!))
        if (!found.some((f) => f.version === version)) throw notFound("政策包版本 / pack version", params.ref!)
        await tx.update(packs).set({ active: false }).where(eq(packs.id, id!))
        const [updated] = await tx
          .update(packs)
          .set({ active: true })
          .where(and(eq(packs.id, id!), eq(packs.version, version)))
          .returning(list)
        await record(tx, user.username, [
          {
            action: "activate",
            entity: "pack",
            entityId: params.ref!,
            region: updated!.region,
            after: { hash: updated!.hash },
          },
        ])
        return updated!
      })
      return c.json(row)
    },
  }),
]
