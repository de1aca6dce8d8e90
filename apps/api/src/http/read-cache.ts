/**
 * A read-through cache of successful GET answers, for a store that only this process writes.
 *
 * Embedded PGlite runs inside the server process and is single-threaded: every query waits its turn on the event
 * loop, so 200 clients listing enterprises queue behind one another (p99 in seconds). The same process is also
 * the only writer (PGlite locks its data directory), so it knows exactly when data changes: every non-GET request
 * clears the cache when it finishes, and an answer computed while a write was in flight is never stored.
 *
 * Entries are per user and URL (answers are scoped to the caller's regions), bounded in count and bytes (least
 * recently used leave first) and live at most `ttlMs`, so answers that depend on today's date (overdue tasks)
 * stay fresh. With PostgreSQL other processes may write, so the server leaves the cache off there unless told
 * otherwise (`SRDI_READ_CACHE`).
 */

/** A stored answer. */
export interface CachedAnswer {
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
}

interface Entry extends CachedAnswer {
  readonly until: number
  readonly bytes: number
}

/** Limits of a cache. */
export interface ReadCacheOptions {
  readonly maxEntries?: number
  readonly maxBytes?: number
  readonly ttlMs?: number
  readonly now?: () => number
}

/** The cache. `generation` changes on every invalidation; pass the one read before computing to {@link set}. */
export class ReadCache {
  private readonly entries = new Map<string, Entry>()
  private readonly flights = new Map<string, Promise<CachedAnswer | undefined>>()
  private bytes = 0
  private gen = 0
  private readonly maxEntries: number
  private readonly maxBytes: number
  private readonly ttlMs: number
  private readonly now: () => number

  constructor(options: ReadCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024
    this.ttlMs = options.ttlMs ?? 60_000
    this.now = options.now ?? Date.now
  }

  /** Changes whenever the cache is invalidated. */
  get generation(): number {
    return this.gen
  }

  /** How many answers are held. */
  get size(): number {
    return this.entries.size
  }

  /** A live answer for the key, marked most recently used. */
  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key)
    if (hit === undefined) return undefined
    this.entries.delete(key)
    if (hit.until <= this.now()) {
      this.bytes -= hit.bytes
      return undefined
    }
    this.entries.set(key, hit)
    return hit
  }

  /**
   * Stores an answer computed from the data as of `generation`; ignored when the data changed since (a write
   * finished while the answer was being computed) or when the answer alone exceeds a tenth of the byte budget.
   */
  set(key: string, generation: number, answer: CachedAnswer): void {
    if (generation !== this.gen) return
    const bytes = answer.body.length * 2 + key.length * 2
    if (bytes > this.maxBytes / 10) return
    const old = this.entries.get(key)
    if (old !== undefined) {
      this.entries.delete(key)
      this.bytes -= old.bytes
    }
    this.entries.set(key, { ...answer, until: this.now() + this.ttlMs, bytes })
    this.bytes += bytes
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.entries.delete(k)
      this.bytes -= e.bytes
    }
  }

  /**
   * The answer already being computed for the key (since the last write), if any, so that 200 clients asking
   * the same thing at once cost one query rather than 200. Undefined when none is, or when that computation
   * failed or gave nothing to keep (the caller then computes its own).
   */
  inFlight(key: string): Promise<CachedAnswer | undefined> | undefined {
    return this.flights.get(key)
  }

  /** Computes an answer, shares it with callers of {@link inFlight} meanwhile, and keeps it if the data held still. */
  async compute(key: string, run: () => Promise<CachedAnswer | undefined>): Promise<CachedAnswer | undefined> {
    const generation = this.gen
    const flight = run()
    const shared = flight.catch(() => undefined)
    if (!this.flights.has(key)) this.flights.set(key, shared)
    try {
      const answer = await flight
      if (answer !== undefined) this.set(key, generation, answer)
      return answer
    } finally {
      if (this.flights.get(key) === shared) this.flights.delete(key)
    }
  }

  /** Forgets everything (the data changed), including answers still being computed from the old data. */
  invalidate(): void {
    this.gen++
    this.flights.clear()
    this.entries.clear()
    this.bytes = 0
  }
}
