import { describe, expect, it } from "vitest"
import { extentAfter, hasMore, UNKNOWN, type Extent } from "../src/lib/api/paging.js"
import type { RegionRow } from "../src/lib/api/types.js"
import { check, PaymentForm } from "../src/lib/forms.js"
import { can } from "../src/lib/session.svelte.js"
import { levelKey, titleName } from "../src/lib/title-names.js"
import { countedRegions } from "../src/routes/dashboard/counted-regions.js"
import { PAGES } from "../src/routes/index.js"
import en from "../src/lib/i18n/en.json"
import zh from "../src/lib/i18n/zh.json"

describe("paging past the API's count cap", () => {
  const page = (n: number, total: number, totalExact?: boolean) => ({
    items: { length: n },
    total,
    ...(totalExact === undefined ? {} : { totalExact }),
  })

  it("takes an exact total as it is", () => {
    expect(extentAfter(UNKNOWN, page(200, 640, true), 0, 200)).toEqual({ total: 640, exact: true })
    // an older API that says nothing about exactness counted exactly
    expect(extentAfter(UNKNOWN, page(200, 640), 0, 200)).toEqual({ total: 640, exact: true })
  })

  it("grows a capped list page by page until a short page ends it (3,000 rows read 200 at a time)", () => {
    const real = 3_000
    let extent: Extent = UNKNOWN
    let reads = 0
    // read the way a scrolling table does: the page holding the last row it knows of
    for (let offset = 0; ; offset += 200) {
      const n = Math.max(0, Math.min(200, real - offset))
      extent = extentAfter(extent, page(n, 1_000, false), offset, 200)
      reads++
      if (offset + 200 >= extent.total) {
        if (extent.exact) break
      }
      if (reads > 50) throw new Error("never ended")
    }
    expect(extent).toEqual({ total: real, exact: true })
    expect(reads).toBe(real / 200 + 1)
  })

  it("says 'at least' while a capped list has not been read to its end, and offers the next page", () => {
    const first = extentAfter(UNKNOWN, page(100, 1_000, false), 0, 100)
    expect(first).toEqual({ total: 1_000, exact: false })
    expect(hasMore(first, 900, 100)).toBe(true)
    const deep = extentAfter(UNKNOWN, page(100, 1_000, false), 1_200, 100)
    expect(deep.total).toBeGreaterThan(1_300)
    expect(hasMore(extentAfter(UNKNOWN, page(40, 1_000, false), 1_200, 100), 1_200, 100)).toBe(false)
  })

  it("keeps an end it has found when an earlier page answers late", () => {
    const end = extentAfter(UNKNOWN, page(37, 1_000, false), 1_400, 200)
    expect(end).toEqual({ total: 1_437, exact: true })
    expect(extentAfter(end, page(200, 1_000, false), 200, 200)).toEqual(end)
  })

  it("ends at an empty page right after a full one", () => {
    expect(extentAfter({ total: 1_400, exact: false }, page(0, 1_000, false), 1_200, 200)).toEqual({
      total: 1_200,
      exact: true,
    })
  })
})

describe("dashboard: the regions enterprises are counted in", () => {
  const regions: ReadonlyArray<RegionRow> = [
    { code: "100000", name: "中华人民共和国", nameEn: "China", level: "national", parent: null },
    { code: "500000", name: "重庆市", nameEn: "Chongqing", level: "municipal", parent: "100000" },
    { code: "500151", name: "铜梁区", nameEn: "Tongliang", level: "district", parent: "500000" },
    { code: "500240", name: "石柱土家族自治县", nameEn: "Shizhu", level: "county", parent: "500000" },
  ] as never
  const codes = (scope: string | null) => countedRegions(regions, scope).map((r) => r.code)

  it("counts a district user's own district only, never the city code", () => {
    expect(codes("500151")).toEqual(["500151"])
    expect(codes("500240")).toEqual(["500240"])
  })

  it("counts every district of the city for the municipality and for a user without a region", () => {
    expect(codes("500000")).toEqual(["500151", "500240"])
    expect(codes(null)).toEqual(["500151", "500240"])
  })

  it("counts nothing for a region it does not know", () => {
    expect(codes("110000")).toEqual([])
  })
})

describe("title timeline: names, not ids", () => {
  it("names core's titles in Chinese and in English", () => {
    expect(titleName("hnte", "zh")).toBe("高新技术企业")
    expect(titleName("hnte", "en")).toBe("high-tech enterprise (HNTE)")
    expect(titleName("little_giant", "zh")).toContain("小巨人")
  })

  it("keeps an id core does not know (a pack's own title)", () => {
    expect(titleName("district_star_firm", "zh")).toBe("district_star_firm")
  })

  it("has a word for every grant level in both languages", () => {
    for (const level of ["national", "provincial", "municipal", "district"] as const) {
      const [group, key] = levelKey(level).split(".") as [string, string]
      const zhWord = (zh as Record<string, Record<string, string>>)[group]?.[key]
      const enWord = (en as Record<string, Record<string, string>>)[group]?.[key]
      expect(zhWord, level).toMatch(/级/)
      expect(enWord, level).toBe(level)
    }
  })
})

describe("what a role is offered", () => {
  it("offers the audit log only to roles the API shows it to (admins)", () => {
    const audit = PAGES.find((p) => p.path === "audit")
    expect(audit?.needs).toBeDefined()
    const offered = (role: Parameters<typeof can>[0]) => audit?.needs === undefined || can(role, audit.needs)
    expect(offered("municipal_admin")).toBe(true)
    expect(offered("district_admin")).toBe(true)
    expect(offered("unit_officer")).toBe(false)
    expect(offered("viewer")).toBe(false)
  })
})

describe("payment form: the API's body", () => {
  it("names a bad date and an over-long voucher next to their fields", () => {
    const bad = check(PaymentForm, "payment", { paidOn: "2026-02-30", reference: "x".repeat(201) }, "zh")
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(Object.keys(bad.errors).sort()).toEqual(["paidOn", "reference"])
  })

  it("accepts a date and drops an empty voucher", () => {
    expect(check(PaymentForm, "payment", { paidOn: "2026-11-20", reference: " " }, "en")).toEqual({
      ok: true,
      value: { paidOn: "2026-11-20" },
    })
  })
})
