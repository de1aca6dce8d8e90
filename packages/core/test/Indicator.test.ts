import { describe, expect, it } from "@effect/vitest"
import { Indicator } from "../src/index.js"
import { firm, hardTechCandidate, hardTechInput, withYear } from "./fixtures/firms.js"

const asOf = "2025-06-30"

describe("Indicator.compute", () => {
  it("reads 上年 as the calendar year before the evaluation date, ratios in percent", () => {
    expect(Indicator.compute({ id: "rdIntensity" }, hardTechCandidate, asOf)).toEqual({ value: [6], missing: [] })
    expect(Indicator.compute({ id: "debtRatio" }, hardTechCandidate, asOf).value).toEqual([50])
    expect(Indicator.compute({ id: "mainBusinessShare" }, hardTechCandidate, asOf).value).toEqual([90])
    expect(Indicator.compute({ id: "revenue", lag: 2 }, hardTechCandidate, asOf).value).toEqual([6500])
  })

  it("lands exactly on round thresholds (5500 / 10000 is 55%, not 55.00000000000001%)", () => {
    const e = withYear(2024, { totalLiabilities: 5500 })
    expect(Indicator.compute({ id: "debtRatio" }, e, asOf).value).toEqual([55])
    const rd = withYear(2024, { rdExpense: 504, revenue: 12000 })
    expect(Indicator.compute({ id: "rdIntensity" }, rd, asOf).value).toEqual([4.2])
  })

  it("combines a window of years: each, sum, avg, min, max", () => {
    const ref = { id: "rdIntensity", span: 2 } as const
    expect(Indicator.compute(ref, hardTechCandidate, asOf).value).toEqual([Math.round((36000 / 6500) * 1e9) / 1e9, 6])
    expect(Indicator.compute({ id: "rdExpense", span: 2, aggregate: "sum" }, hardTechCandidate, asOf).value).toBe(840)
    expect(Indicator.compute({ id: "rdExpense", span: 2, aggregate: "avg" }, hardTechCandidate, asOf).value).toBe(420)
    expect(Indicator.compute({ id: "revenue", span: 2, aggregate: "min" }, hardTechCandidate, asOf).value).toBe(6500)
    expect(Indicator.compute({ id: "revenue", span: 2, aggregate: "max" }, hardTechCandidate, asOf).value).toBe(8000)
  })

  it("computes growth against the year before, and names the missing year's field", () => {
    expect(Indicator.compute({ id: "mainBusinessGrowth" }, hardTechCandidate, asOf).value).toEqual([20])
    const r = Indicator.compute({ id: "revenueGrowth", span: 2, aggregate: "avg" }, hardTechCandidate, asOf)
    expect(r).toEqual({ value: undefined, missing: ["financials[2022].revenue"] })
  })

  it("reports a missing field and a zero divisor by their path, never a number", () => {
    const noRd = withYear(2024, { rdExpense: undefined })
    expect(Indicator.compute({ id: "rdIntensity" }, noRd, asOf)).toEqual({
      value: [null],
      missing: ["financials[2024].rdExpense"],
    })
    const zero = withYear(2024, { revenue: 0 })
    expect(Indicator.compute({ id: "rdIntensity" }, zero, asOf).missing).toEqual(["financials[2024].revenue"])
    expect(Indicator.compute({ id: "revenue" }, hardTechCandidate, "2027-01-01").missing).toEqual([
      "financials[2026].revenue",
    ])
  })

  it("reads IP from the latest snapshot dated on or before the evaluation date", () => {
    const e = firm({
      ip: [
        { asOf: "2023-12-31", classI: 1, classII: 2, classIHighValue: 1 },
        { asOf: "2024-12-31", classI: 5, classII: 2 },
      ],
    })
    expect(Indicator.compute({ id: "ipClassI" }, e, "2024-06-30").value).toBe(1)
    expect(Indicator.compute({ id: "ipClassI" }, e, asOf).value).toBe(5)
    expect(Indicator.compute({ id: "ipClassIHighValue" }, e, asOf).missing).toEqual(["ip.classIHighValue"])
    expect(Indicator.compute({ id: "ipClassI" }, e, "2023-01-01").missing).toEqual(["ip"])
  })

  it("measures years in the niche and since founding as fractional years", () => {
    const years = Indicator.compute({ id: "yearsInNiche" }, hardTechCandidate, asOf).value as number
    expect(years).toBeCloseTo(10.49, 2)
    expect(Indicator.compute({ id: "yearsInNiche" }, firm({}), asOf).missing).toEqual(["nicheSince"])
    expect(Indicator.compute({ id: "strategicEmerging" }, hardTechCandidate, asOf).value).toBe(1)
    expect(hardTechInput.foundedOn).toBe("2012-03-15")
  })
})

describe("Indicator.META and format", () => {
  it("names every indicator in both languages with its measure", () => {
    for (const id of [...Indicator.YEARLY, ...Indicator.POINT_IN_TIME]) {
      expect(Indicator.META[id].zh.length).toBeGreaterThan(0)
      expect(Indicator.META[id].en.length).toBeGreaterThan(0)
    }
    expect(Indicator.META.rdIntensity).toEqual({ zh: "研发投入强度", en: "R&D intensity", measure: "percent" })
  })

  it("writes money in 万元 and percent with up to two decimals", () => {
    expect(Indicator.format(12000, "wan_yuan", "zh")).toBe("12,000万元")
    expect(Indicator.format(4.256, "percent", "en")).toBe("4.26%")
    expect(Indicator.format(5, "percent", "zh")).toBe("5%")
  })
})
