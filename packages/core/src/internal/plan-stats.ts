/**
 * Small statistics for plan-tracking summaries.
 */

/** The median of a list of numbers, or `null` for an empty list (the mean of the middle two for an even count). */
export const median = (values: ReadonlyArray<number>): number | null => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
