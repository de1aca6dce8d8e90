/**
 * The region tree the bundled plans cover (GB/T 2260 codes). Packs add their own regions on install; this base
 * makes a fresh database scoped correctly even before any pack is installed.
 */
import type { Tx } from "../db/client.js"
import { regions } from "../db/schema.js"

/** Chongqing and the two districts of the bundled district plans. */
export const BASE_REGIONS = [
  { code: "500000", name: "重庆市", nameEn: "Chongqing", level: "municipal", parent: null },
  { code: "500151", name: "铜梁区", nameEn: "Tongliang District", level: "district", parent: "500000" },
  {
    code: "500240",
    name: "石柱土家族自治县",
    nameEn: "Shizhu Tujia Autonomous County",
    level: "county",
    parent: "500000",
  },
] as const

/** Inserts or updates regions. */
export const upsertRegions = async (
  tx: Tx,
  list: ReadonlyArray<{
    code: string
    name: string
    nameEn?: string | null | undefined
    level: string
    parent?: string | null | undefined
  }>,
): Promise<void> => {
  for (const r of list) {
    const row = { code: r.code, name: r.name, nameEn: r.nameEn ?? null, level: r.level, parent: r.parent ?? null }
    await tx.insert(regions).values(row).onConflictDoUpdate({ target: regions.code, set: row })
  }
}
