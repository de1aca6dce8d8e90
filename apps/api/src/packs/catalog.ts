/**
 * Installed policy packs: loading the bundled `@srdi/pack-*` packages, installing versions (with their extension
 * layers resolved and content-hashed by @srdi/core), and a cache of decoded resolved packs for screening.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { DecodeError, Pack, PackSource } from "@srdi/core"
import { and, desc, eq } from "drizzle-orm"
import { Either, Schema } from "effect"
import { record } from "../db/audit.js"
import type { Db, Tx } from "../db/client.js"
import { packs, units } from "../db/schema.js"
import { badRequest, notFound } from "../http/problem.js"
import { upsertRegions } from "../seed/regions.js"

/** The packs this API bundles, base layers first. */
export const BUNDLED = [
  "cn-miit-tiers",
  "cq-srdi-2020",
  "cq-srdi-2022",
  "cq-tongliang-2022",
  "cq-shizhu-2022",
  "cq-hardtech-2023",
  "cq-techsme-2022",
] as const

const require = createRequire(import.meta.url)
const decodePack = Schema.decodeUnknownEither(Pack.Pack)
const encodePack = Schema.encodeSync(Pack.Pack)

const yamlFiles = (root: string, sub: string): Array<PackSource.File> => {
  const dir = join(root, sub)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => n.endsWith(".yaml") || n.endsWith(".yml"))
    .sort()
    .map((n) => ({ path: `${sub}/${n}`, text: readFileSync(join(dir, n), "utf8") }))
}

/**
 * Reads one bundled pack: the package's built `dist/pack.json`, or — before it is built — its YAML sources
 * decoded by core. Undefined when the package is not installed.
 */
export const readBundled = (id: string): Pack.Pack | undefined => {
  let root: string
  try {
    root = dirname(require.resolve(`@srdi/pack-${id}/package.json`))
  } catch {
    return undefined
  }
  const file = join(root, "dist", "pack.json")
  if (existsSync(file)) {
    const decoded = decodePack(JSON.parse(readFileSync(file, "utf8")))
    if (Either.isLeft(decoded))
      throw new Error(`@srdi/pack-${id}/dist/pack.json does not decode as a pack: ${decoded.left.message}`)
    return decoded.right
  }
  const parsed = PackSource.parse([...yamlFiles(root, "pack"), ...yamlFiles(root, "tests")])
  if (Either.isLeft(parsed)) throw new Error(DecodeError.format(parsed.left, "en"))
  return parsed.right
}

/** Every bundled pack that is installed as a dependency. */
export const readAllBundled = (): Array<Pack.Pack> =>
  BUNDLED.map((id) => readBundled(id)).filter((p): p is Pack.Pack => p !== undefined)

/** The extension layers of a pack, base first, from a lookup of available packs. */
export const layersOf = (pack: Pack.Pack, lookup: (id: string) => Pack.Pack | undefined): Array<Pack.Pack> => {
  const seen = new Set<string>()
  const out: Array<Pack.Pack> = []
  const visit = (p: Pack.Pack, path: ReadonlyArray<string>) => {
    if (seen.has(p.meta.id)) return
    for (const base of p.meta.extends) {
      if (path.includes(base))
        throw badRequest(
          `扩展关系成环：${[...path, base].join(" → ")}`,
          `extension cycle: ${[...path, base].join(" → ")}`,
        )
      const b = lookup(base)
      if (b === undefined)
        throw badRequest(
          `包 ${p.meta.id} 扩展的 ${base} 尚未安装`,
          `pack ${p.meta.id} extends ${base}, which is not installed`,
          [
            {
              pointer: "#/meta/extends",
              at: "meta.extends",
              message: { zh: `未安装 ${base}`, en: `${base} is not installed` },
            },
          ],
        )
      visit(b, [...path, base])
    }
    seen.add(p.meta.id)
    out.push(p)
  }
  visit(pack, [pack.meta.id])
  return out
}

/** Installs packs (each with its layers resolved) and the regions and units they declare. Returns the hashes. */
export const installPacks = async (
  tx: Tx,
  list: ReadonlyArray<Pack.Pack>,
  actor: string,
  existing: (id: string) => Pack.Pack | undefined = () => undefined,
): Promise<Array<{ id: string; version: string; hash: string; installed: boolean }>> => {
  const byId = new Map(list.map((p) => [p.meta.id, p]))
  const lookup = (id: string) => byId.get(id) ?? existing(id)
  const out: Array<{ id: string; version: string; hash: string; installed: boolean }> = []
  for (const p of list) {
    const layers = layersOf(p, lookup)
    const problems = Pack.validate(p, { base: layers.slice(0, -1) })
    if (problems.length > 0)
      throw badRequest(
        `包 ${p.meta.id} 校验未通过（${problems.length} 处）`,
        `pack ${p.meta.id} does not validate (${problems.length} problem(s))`,
        problems.map((x) => ({
          at: x.path,
          pointer: "#/" + x.path.replace(/\[(\d+)\]/g, "/$1").replaceAll(".", "/"),
          message: x.message,
        })),
      )
    const resolved = Pack.resolve(layers)
    const hash = Pack.hash(resolved)
    const row = {
      id: p.meta.id,
      version: p.meta.version,
      hash,
      title: p.meta.title,
      region: p.meta.region,
      pack: encodePack(p),
      resolved: encodePack(resolved),
      active: true,
    }
    const inserted = await tx.insert(packs).values(row).onConflictDoNothing().returning({ id: packs.id })
    if (inserted.length > 0) {
      await tx
        .update(packs)
        .set({ active: false })
        .where(and(eq(packs.id, p.meta.id)))
      await tx
        .update(packs)
        .set({ active: true })
        .where(and(eq(packs.id, p.meta.id), eq(packs.version, p.meta.version)))
      await upsertRegions(tx, p.regions)
      for (const u of p.units) {
        const unitRow = { id: u.id, name: u.name, region: u.region, data: u }
        await tx.insert(units).values(unitRow).onConflictDoUpdate({ target: units.id, set: unitRow })
      }
      await record(tx, actor, [
        {
          action: "install",
          entity: "pack",
          entityId: `${p.meta.id}@${p.meta.version}`,
          region: p.meta.region,
          after: { hash },
        },
      ])
    }
    out.push({ id: p.meta.id, version: p.meta.version, hash, installed: inserted.length > 0 })
  }
  return out
}

/** A decoded installed pack version. */
export interface Installed {
  readonly id: string
  readonly version: string
  readonly hash: string
  readonly pack: Pack.Pack
  readonly resolved: Pack.Pack
}

/** Decoded installed packs, cached by id, version and hash (versions are immutable once installed). */
export class PackCache {
  private readonly cache = new Map<string, Installed>()

  /** Every active pack version, decoded. */
  async active(db: Db): Promise<Array<Installed>> {
    const heads = await db
      .select({ id: packs.id, version: packs.version })
      .from(packs)
      .where(eq(packs.active, true))
      .orderBy(packs.id)
    return Promise.all(heads.map((h) => this.get(db, `${h.id}@${h.version}`)))
  }

  /** The active version of a pack, or a given version (`id@version`). */
  async get(db: Db, ref: string): Promise<Installed> {
    const [id, version] = ref.split("@") as [string, string | undefined]
    const q = db
      .select({ id: packs.id, version: packs.version, hash: packs.hash })
      .from(packs)
      .where(
        version === undefined
          ? and(eq(packs.id, id), eq(packs.active, true))
          : and(eq(packs.id, id), eq(packs.version, version)),
      )
      .orderBy(desc(packs.installedAt))
      .limit(1)
    const head = (await q)[0]
    if (head === undefined) throw notFound("政策包 / pack", ref)
    const key = `${head.id}@${head.version}#${head.hash}`
    const hit = this.cache.get(key)
    if (hit !== undefined) return hit
    const full = (
      await db
        .select()
        .from(packs)
        .where(and(eq(packs.id, head.id), eq(packs.version, head.version)))
    )[0]!
    const installed: Installed = {
      id: full.id,
      version: full.version,
      hash: full.hash,
      pack: Schema.decodeUnknownSync(Pack.Pack)(full.pack),
      resolved: Schema.decodeUnknownSync(Pack.Pack)(full.resolved),
    }
    this.cache.set(key, installed)
    return installed
  }
}
