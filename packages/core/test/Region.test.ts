import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { Region } from "../src/index.js"

const codes = (regions: ReadonlyArray<Region.Region>) => regions.map((r) => r.code)

describe("Region tree", () => {
  const regions = Region.WELL_KNOWN

  it("builds national → 重庆市 → 铜梁区 / 石柱土家族自治县 from the official codes", () => {
    const [root] = Region.tree(regions)
    expect(root?.region.code).toBe("100000")
    const chongqing = root?.children[0]
    expect(chongqing?.region.name).toBe("重庆市")
    expect(chongqing?.children.map((c) => c.region.name)).toEqual(["铜梁区", "石柱土家族自治县"])
  })

  it("walks up and down the tree", () => {
    expect(codes(Region.children(regions, Region.CHONGQING))).toEqual(["500151", "500240"])
    expect(codes(Region.ancestors(regions, Region.TONGLIANG))).toEqual(["500000", "100000"])
    expect(codes(Region.descendants(regions, Region.NATIONAL))).toEqual(["500000", "500151", "500240"])
    expect(Region.descendants(regions, Region.SHIZHU)).toEqual([])
  })

  it("says a district is within its city and the country, a code within itself, and not across siblings", () => {
    expect(Region.isWithin(regions, "500151", "500000")).toBe(true)
    expect(Region.isWithin(regions, "500240", "100000")).toBe(true)
    expect(Region.isWithin(regions, "500151", "500151")).toBe(true)
    expect(Region.isWithin(regions, "500151", "500240")).toBe(false)
    expect(Region.isWithin(regions, "500000", "500151")).toBe(false)
    // Undeclared codes are not guessed by the tree…
    expect(Region.isWithin(regions, "510104", "500000")).toBe(false)
  })

  it("falls back to the code structure when no regions are declared", () => {
    expect(Region.isWithinByCode("500151", "500000")).toBe(true)
    expect(Region.isWithinByCode("500240", "100000")).toBe(true)
    expect(Region.isWithinByCode("510104", "500000")).toBe(false)
    expect(Region.isWithinByCode("500151", "500100")).toBe(true)
    expect(Region.isWithinByCode("500240", "500100")).toBe(false)
    expect(Region.isWithinByCode("500000", "500151")).toBe(false)
  })
})

describe("Region.validate", () => {
  it("finds nothing wrong with the well-known regions", () => {
    expect(Region.validate(Region.WELL_KNOWN)).toEqual([])
  })

  it("names an undeclared parent in both languages, leaving the national root implicit", () => {
    const issues = Region.validate([
      { code: "500000", name: "重庆市", level: "municipal", parent: "100000" },
      { code: "500151", name: "铜梁区", level: "district", parent: "500100" },
    ])
    expect(issues).toEqual([
      {
        _tag: "UnknownParent",
        code: "500151",
        parent: "500100",
        message: {
          zh: "铜梁区（500151）的上级 500100 未声明",
          en: "the parent 500100 of 500151 (铜梁区) is not declared",
        },
      },
    ])
  })

  it("reports a cycle once, and a duplicate code", () => {
    const issues = Region.validate([
      { code: "500151", name: "铜梁区", level: "district", parent: "500240" },
      { code: "500240", name: "石柱土家族自治县", level: "county", parent: "500151" },
      { code: "500000", name: "重庆市", level: "municipal", parent: "500000" },
      { code: "500000", name: "重庆", level: "municipal" },
    ])
    expect(issues.map((i) => i._tag)).toEqual(["DuplicateCode", "Cycle", "Cycle"])
    const cycle = issues[1]
    expect(cycle?._tag === "Cycle" && cycle.codes).toEqual(["500151", "500240"])
    expect(cycle?.message.zh).toBe("行政区划上级关系成环：500151 → 500240 → 500151")
    // A cycle leaves those regions out of the forest instead of looping forever.
    expect(Region.tree([{ code: "500151", name: "铜梁区", level: "district", parent: "500151" }])).toEqual([])
  })
})

describe("Region properties", () => {
  it("agrees between isWithin, ancestors and descendants on any sound tree", () => {
    // Region i (code 500000 + i) hangs under an earlier one, so the tree has no cycle.
    const forest = fc.array(fc.nat(), { minLength: 1, maxLength: 12 }).map((parents) =>
      parents.map((p, i): Region.Region => ({
        code: String(500000 + i),
        name: `r${i}`,
        level: "district",
        ...(i === 0 ? {} : { parent: String(500000 + (p % i)) }),
      })),
    )
    fc.assert(
      fc.property(forest, (regions) => {
        expect(Region.validate(regions)).toEqual([])
        for (const a of regions)
          for (const b of regions) {
            const within = Region.isWithin(regions, a.code, b.code)
            expect(within).toBe(a.code === b.code || codes(Region.ancestors(regions, a.code)).includes(b.code))
            expect(within).toBe(a.code === b.code || codes(Region.descendants(regions, b.code)).includes(a.code))
          }
      }),
    )
  })
})
