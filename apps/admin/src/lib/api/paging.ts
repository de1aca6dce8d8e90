/**
 * How many rows a paged list holds, as far as the pages read so far tell. The API counts exactly only up to a cap
 * (1,000 rows, `totalExact: false` past it) unless asked for `count=exact`, which scans the whole table; so a
 * list of 3,000 enterprises first says "1,000" and the admin must not stop there. A full page past the cap means
 * there is more (one more page of room is made, so scrolling or "next" asks for it); a short page is the end.
 */

/** What is known of a list's length. */
export interface Extent {
  readonly total: number
  /** Whether `total` is the real number of rows (false: at least that many). */
  readonly exact: boolean
}

/** Nothing read yet. */
export const UNKNOWN: Extent = { total: 0, exact: false }

/** The extent after reading one page (`offset`, `limit`, what came back) given what was known before. */
export const extentAfter = (
  known: Extent,
  page: {
    readonly items: { readonly length: number }
    readonly total: number
    readonly totalExact?: boolean | undefined
  },
  offset: number,
  limit: number,
): Extent => {
  if (page.totalExact !== false) return { total: page.total, exact: true }
  const seen = offset + page.items.length
  if (page.items.length < limit) return { total: seen, exact: true }
  if (known.exact) return known
  return { total: Math.max(known.total, page.total, page.items.length === limit ? seen + limit : seen), exact: false }
}

/** Whether a page after `offset + limit` may hold rows. */
export const hasMore = (extent: Extent, offset: number, limit: number): boolean =>
  !extent.exact || offset + limit < extent.total
