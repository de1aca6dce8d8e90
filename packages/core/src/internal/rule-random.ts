/**
 * A small seeded PRNG for synthetic populations: mulberry32 (32-bit state, fast, good enough for test data —
 * not for anything secret) with the few distributions the generator needs.
 */

/** A seeded random source: `next()` is uniform in [0, 1). */
export interface Random {
  readonly next: () => number
  readonly uniform: (min: number, max: number) => number
  readonly int: (min: number, max: number) => number
  readonly normal: (mean: number, sd: number) => number
  readonly logNormal: (median: number, sigma: number) => number
  readonly chance: (p: number) => boolean
  readonly pick: <A>(items: ReadonlyArray<A>) => A
}

/** mulberry32 seeded with a 32-bit integer. */
export const mulberry32 = (seed: number): Random => {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const normal = (mean: number, sd: number): number => {
    // Box–Muller; 1 - next() avoids log(0).
    const u = 1 - next()
    const v = next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal,
    logNormal: (median, sigma) => median * Math.exp(normal(0, sigma)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  }
}
