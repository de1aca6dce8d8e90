/**
 * Applying extension layers: a district pack on top of its municipal pack on top of the national criteria.
 *
 * @internal
 */
import type { Pack } from "../Pack.js"

/** The collections merged by id when layers are resolved, with the field that identifies an item. */
export const COLLECTIONS = {
  regions: "code",
  units: "id",
  targets: "id",
  tasks: "id",
  rules: "id",
  awards: "id",
  pools: "id",
  gaps: "id",
} as const

export type Collection = keyof typeof COLLECTIONS

export const keyOf = (collection: Collection, item: unknown): string =>
  String((item as Record<string, unknown>)[COLLECTIONS[collection]])

/** Merges layers (base first); returns the pack and, per collection, the id of the pack each item came from. */
export const resolveLayers = (
  layers: ReadonlyArray<Pack>,
): { readonly pack: Pack; readonly origin: Record<Collection, Record<string, string>> } => {
  const last = layers[layers.length - 1]
  if (last === undefined) throw new Error("Pack.resolve needs at least one layer")
  const origin = {} as Record<Collection, Record<string, string>>
  const merged = {} as Record<Collection, ReadonlyArray<unknown>>
  for (const collection of Object.keys(COLLECTIONS) as Array<Collection>) {
    // A later layer replaces an item in place, so lists keep the order the base gave them.
    const items = new Map<string, unknown>()
    const from: Record<string, string> = {}
    for (const layer of layers)
      for (const item of layer[collection] as ReadonlyArray<unknown>) {
        const key = keyOf(collection, item)
        items.set(key, item)
        from[key] = layer.meta.id
      }
    merged[collection] = [...items.values()]
    origin[collection] = from
  }
  // Tests stay with their own layer: each base pack runs its own.
  const pack = { ...(merged as unknown as Omit<Pack, "meta" | "tests">), meta: last.meta, tests: last.tests } as Pack
  return { pack, origin }
}
