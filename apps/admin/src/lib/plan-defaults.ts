/**
 * Defaults of the plan pages: today, and the pack a user most likely means.
 */
import type { PackRow } from "./api/types.js"

/** Today as an ISO date. */
export const today = (): string => new Date().toISOString().slice(0, 10)

/** The default pack of a region: its own active pack, else the newest city SRDI plan, else the first active one. */
export const defaultPack = (packs: ReadonlyArray<PackRow>, region: string | null): string => {
  const active = packs.filter((p) => p.active)
  const own = active.find((p) => region !== null && region !== "500000" && p.region === region)
  const city = active
    .filter((p) => p.region === "500000" && p.id.includes("srdi"))
    .sort((a, b) => b.id.localeCompare(a.id))[0]
  return (own ?? city ?? active[0])?.id ?? ""
}
