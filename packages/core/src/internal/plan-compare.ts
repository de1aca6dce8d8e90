/**
 * Comparators shared by targets and pool quotas.
 */

/** A comparator as targets and quotas write it. */
export type Comparator = ">=" | ">" | "<=" | "<" | "=="

/** Whether `actual` satisfies `comparator` against `expected`. */
export const satisfies = (comparator: Comparator, actual: number, expected: number): boolean => {
  switch (comparator) {
    case ">=":
      return actual >= expected
    case ">":
      return actual > expected
    case "<=":
      return actual <= expected
    case "<":
      return actual < expected
    case "==":
      return actual === expected
  }
}

/** Whether more is better: `>=`, `>` and `==` (a level to reach) rise; `<=` and `<` (a ceiling) fall. */
export const rises = (comparator: Comparator): boolean => comparator !== "<=" && comparator !== "<"
