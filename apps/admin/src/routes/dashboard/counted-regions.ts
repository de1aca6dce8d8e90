/**
 * The regions the dashboard counts enterprises in: the districts and counties (regions no other region names as
 * parent) within the user's own region. The city code (500000) holds no enterprise of its own — enterprises are
 * registered in a district — so a bar for it would always read 0, and a district user is only shown its own.
 */
import type { RegionRow } from "../../lib/api/types.js"

/** The leaf regions at or below `scope` (every leaf when the user has no region, e.g. a viewer). */
export const countedRegions = (regions: ReadonlyArray<RegionRow>, scope: string | null): ReadonlyArray<RegionRow> => {
  const parentOf = new Map(regions.map((r) => [r.code, r.parent]))
  const parents = new Set(regions.flatMap((r) => (r.parent === null ? [] : [r.parent])))
  const within = (code: string): boolean => {
    for (let at: string | null | undefined = code, hops = 0; at != null && hops < 10; at = parentOf.get(at), hops++)
      if (at === scope) return true
    return false
  }
  return regions.filter((r) => !parents.has(r.code) && (scope === null || within(r.code)))
}
