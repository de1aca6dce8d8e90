/**
 * A fixed-window counter per key (client address + username for logins), in memory: enough for one API process;
 * a deployment with several processes puts a shared limiter in front.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const t = this.now()
    const w = this.windows.get(key)
    if (w === undefined || t - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.sweep(t)
      this.windows.set(key, { start: t, count: 1 })
      return 0
    }
    w.count += 1
    return w.count > this.limit ? Math.ceil((w.start + this.windowMs - t) / 1000) : 0
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k)
  }
}
