import { describe, expect, it } from "@effect/vitest"
import { ReadCache } from "./read-cache.js"

const answer = (body: string) => ({ body, headers: { "content-type": "application/json" } })

describe("ReadCache", () => {
  it("returns what was stored until invalidated", () => {
    const cache = new ReadCache()
    cache.set("u1 /a", cache.generation, answer("A"))
    expect(cache.get("u1 /a")?.body).toBe("A")
    expect(cache.get("u2 /a")).toBeUndefined()
    cache.invalidate()
    expect(cache.get("u1 /a")).toBeUndefined()
  })

  it("drops an answer computed while a write finished", () => {
    const cache = new ReadCache()
    const before = cache.generation
    cache.invalidate()
    cache.set("u1 /a", before, answer("stale"))
    expect(cache.get("u1 /a")).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it("expires answers after the time to live", () => {
    let now = 1_000
    const cache = new ReadCache({ ttlMs: 100, now: () => now })
    cache.set("k", cache.generation, answer("A"))
    now += 99
    expect(cache.get("k")?.body).toBe("A")
    now += 1
    expect(cache.get("k")).toBeUndefined()
  })

  it("evicts the least recently used past its entry and byte limits", () => {
    const cache = new ReadCache({ maxEntries: 2 })
    cache.set("a", 0, answer("A"))
    cache.set("b", 0, answer("B"))
    cache.get("a")
    cache.set("c", 0, answer("C"))
    expect([cache.get("a")?.body, cache.get("b"), cache.get("c")?.body]).toEqual(["A", undefined, "C"])

    const small = new ReadCache({ maxBytes: 1000 })
    small.set("x", 0, answer("x".repeat(40)))
    small.set("y", 0, answer("y".repeat(40)))
    expect(small.size).toBe(2)
    for (let i = 0; i < 20; i++) small.set(`z${i}`, 0, answer("z".repeat(40)))
    expect(small.get("x")).toBeUndefined()
    // Each answer costs 2 bytes a character, body and key: 1000 bytes hold eleven of them.
    expect(small.size).toBe(11)
    // One answer bigger than a tenth of the budget is not kept at all.
    small.set("big", 0, answer("b".repeat(60)))
    expect(small.get("big")).toBeUndefined()
  })
})

describe("ReadCache.compute", () => {
  it("computes once for everyone asking the same key at the same time", async () => {
    const cache = new ReadCache()
    let runs = 0
    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const first = cache.compute("k", async () => {
      runs++
      await gate
      return answer("A")
    })
    const waiting = cache.inFlight("k")
    expect(waiting).toBeDefined()
    release()
    expect((await waiting)?.body).toBe("A")
    expect((await first)?.body).toBe("A")
    expect(runs).toBe(1)
    expect(cache.inFlight("k")).toBeUndefined()
    expect(cache.get("k")?.body).toBe("A")
  })

  it("does not share or keep a computation that a write overtook, nor a failed one", async () => {
    const cache = new ReadCache()
    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const old = cache.compute("k", async () => {
      await gate
      return answer("before the write")
    })
    cache.invalidate()
    expect(cache.inFlight("k")).toBeUndefined()
    release()
    await old
    expect(cache.get("k")).toBeUndefined()

    const failing = cache.compute("f", () => Promise.reject(new Error("boom")))
    expect(await cache.inFlight("f")).toBeUndefined()
    await expect(failing).rejects.toThrow("boom")
    expect(cache.inFlight("f")).toBeUndefined()
  })
})
