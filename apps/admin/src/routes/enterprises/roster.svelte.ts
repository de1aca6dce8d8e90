/**
 * The enterprise list as a windowed cache over the API's paging: pages of {@link PAGE} rows are fetched when the
 * table first shows one of their rows; a new filter or sort starts a fresh cache.
 */
import { api } from "../../lib/api/client.js"
import type { ApiError } from "../../lib/api/problem.js"
import { extentAfter, UNKNOWN, type Extent } from "../../lib/api/paging.js"
import type { EnterpriseSummary } from "../../lib/api/types.js"

/** Rows per request (the API allows up to 500). */
export const PAGE = 200

/** Filters and sort of the list. */
export interface RosterQuery {
  readonly q: string
  readonly region: string
  readonly sort: string
}

/** The list state. */
export class Roster {
  rows = $state<Array<EnterpriseSummary | undefined>>([])
  total = $state(0)
  /** Whether `total` is the real count (false: the API counted up to its cap, and there are at least that many). */
  exact = $state(true)
  loaded = $state(false)
  error = $state<ApiError | undefined>()
  // Which pages were requested: bookkeeping, deliberately not reactive.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pages = new Set<number>()
  #generation = 0
  #query: RosterQuery = { q: "", region: "", sort: "name" }
  #extent: Extent = UNKNOWN

  /** Starts over with a query. */
  reset(query: RosterQuery): void {
    this.#query = query
    this.#generation++
    this.#pages.clear()
    this.rows = []
    this.total = 0
    this.exact = true
    this.#extent = UNKNOWN
    this.loaded = false
    this.error = undefined
    void this.fetch(0)
  }

  /** Makes sure the row at an index is (being) loaded. */
  need(index: number): void {
    void this.fetch(Math.floor(index / PAGE))
  }

  async fetch(page: number): Promise<void> {
    if (this.#pages.has(page)) return
    this.#pages.add(page)
    const generation = this.#generation
    const { q, region, sort } = this.#query
    try {
      const res = await api.enterprises({ limit: PAGE, offset: page * PAGE, sort, q, region })
      if (generation !== this.#generation) return
      const extent = (this.#extent = extentAfter(this.#extent, res, page * PAGE, PAGE))
      const next =
        this.rows.length >= extent.total
          ? this.rows.slice(0, extent.total)
          : [...this.rows, ...Array<undefined>(extent.total - this.rows.length)]
      res.items.forEach((row, i) => {
        if (page * PAGE + i < extent.total) next[page * PAGE + i] = row
      })
      this.rows = next
      this.total = extent.total
      this.exact = extent.exact
      this.loaded = true
    } catch (e) {
      if (generation !== this.#generation) return
      this.#pages.delete(page)
      this.error = e as ApiError
    }
  }
}
