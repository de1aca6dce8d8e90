import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { Enterprise, Indicator, Synthetic, Title, Uscc } from "../src/index.js"

describe("Synthetic.population", () => {
  const firms = Synthetic.population({ seed: 42, size: 3000 })

  it("is deterministic for a seed and differs between seeds", () => {
    expect(Synthetic.population({ seed: 42, size: 50 })).toEqual(firms.slice(0, 50))
    expect(Synthetic.population({ seed: 43, size: 50 })).not.toEqual(firms.slice(0, 50))
  })

  it("produces records the Enterprise schema accepts, with valid unique USCCs carrying the region code", () => {
    for (const e of firms.slice(0, 500)) {
      const encoded = Schema.encodeSync(Enterprise.Enterprise)(e)
      expect(Schema.decodeUnknownSync(Enterprise.Enterprise)(encoded)).toEqual(e)
      expect(Uscc.isValid(e.uscc)).toBe(true)
      expect(e.uscc.slice(2, 8)).toBe(e.region)
      expect(e.name.startsWith("演示·")).toBe(true)
    }
    expect(new Set(firms.map((e) => e.uscc)).size).toBe(firms.length)
  })

  it("spreads revenue log-normally, mostly between 500 and 20,000 万元, and R&D intensity within 0–12%", () => {
    const revenues = firms.map((e) => e.financials[0]!.revenue!).sort((a, b) => a - b)
    const inBand = revenues.filter((r) => r >= 500 && r <= 20000).length / revenues.length
    expect(inBand).toBeGreaterThan(0.85)
    const median = revenues[Math.floor(revenues.length / 2)]!
    expect(median).toBeGreaterThan(2000)
    expect(median).toBeLessThan(4500)
    const intensities = firms
      .map((e) => Indicator.compute({ id: "rdIntensity" }, e, "2025-06-30").value)
      .flatMap((v) => (Array.isArray(v) && typeof v[0] === "number" ? [v[0]] : []))
    expect(Math.min(...intensities)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...intensities)).toBeLessThanOrEqual(12 * 1.2 + 1e-9)
    expect(intensities.length / firms.length).toBeGreaterThan(0.9)
  })

  it("gives 3–5 years of financials ending at lastYear, and titles to a minority", () => {
    for (const e of firms) {
      expect(e.financials.length).toBeGreaterThanOrEqual(3)
      expect(e.financials.length).toBeLessThanOrEqual(5)
      expect(e.financials.at(-1)!.year).toBe(2024)
    }
    const tiers = firms.map((e) => Title.tierAt(e, "2025-06-30"))
    const withTier = tiers.filter((t) => t !== undefined).length / firms.length
    expect(withTier).toBeGreaterThan(0.2)
    expect(withTier).toBeLessThan(0.6)
    expect(tiers.filter((t) => t === "little_giant").length).toBeLessThan(firms.length * 0.05)
  })

  it("honours regions, lastYear and years", () => {
    const few = Synthetic.population({ seed: 1, size: 200, regions: ["500151"], lastYear: 2022, years: 3 })
    expect(new Set(few.map((e) => e.region))).toEqual(new Set(["500151"]))
    expect(new Set(few.map((e) => e.financials.length))).toEqual(new Set([3]))
    expect(few.every((e) => e.financials.at(-1)!.year === 2022)).toBe(true)
  })
})

describe("Synthetic.rng", () => {
  it("is a repeatable uniform source", () => {
    const a = Synthetic.rng(7)
    const b = Synthetic.rng(7)
    const xs = Array.from({ length: 1000 }, () => a.next())
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()))
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1)
  })
})
