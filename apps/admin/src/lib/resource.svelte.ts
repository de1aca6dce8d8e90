/**
 * One asynchronous read as reactive state: loading, the data, or the error (an {@link ApiError}). Pages render the
 * three states with `AsyncView`; a newer load wins over a slower older one.
 */
import { ApiError, offline } from "./api/problem.js"

/** A value being loaded. */
export class Resource<A> {
  data = $state<A | undefined>(undefined)
  error = $state<ApiError | undefined>(undefined)
  loading = $state(false)
  #run = 0
  #last: (() => Promise<A>) | undefined

  constructor(load?: () => Promise<A>) {
    if (load !== undefined) void this.load(load)
  }

  /** Loads (or reloads, with no argument) the value. */
  async load(fn?: () => Promise<A>): Promise<void> {
    const next = fn ?? this.#last
    if (next === undefined) return
    this.#last = next
    const run = ++this.#run
    this.loading = true
    this.error = undefined
    try {
      const value = await next()
      if (run === this.#run) this.data = value
    } catch (e) {
      if (run === this.#run) this.error = e instanceof ApiError ? e : offline(e)
    } finally {
      if (run === this.#run) this.loading = false
    }
  }
}
