import { describe, expect, it } from "@effect/vitest"
import { Citation, type Parameter } from "../src/index.js"
import { hardTechPool } from "./fixtures/hard-tech-003.js"

const source = "003_2e9c9c1acd6c6705.txt"

// Seed 003 二（一）4, cited on the dated threshold itself as a pack may do.
const rdIntensityCite: Citation.Citation = { source, clause: "二（一）4", text: "4.上年度研发投入强度不低于5%；" }
const threshold: Parameter.Parameter = [{ from: "2023-11-24", value: 5, cite: rdIntensityCite }]

// Seed 003's staged listing award names no amount: recorded as a gap.
const listingGap = {
  id: "listing-award-amount",
  kind: "unspecified_amount",
  clause: "二（六）",
  cite: {
    source,
    clause: "二（六）",
    text: "培育优秀入库企业作为上市后备企业，鼓励符合条件的企业积极申报挂牌、上市奖补政策，分阶段享受企业上市奖励。",
  },
}

describe("Citation.collect", () => {
  it("finds the cites of a rule, its nested nodes, a parameter and a gap, with their paths", () => {
    const found = Citation.collect({
      rules: [hardTechPool],
      parameters: { rdIntensity: threshold },
      gaps: [listingGap],
    })
    expect(found.map(({ at, cite }) => [at, cite.clause])).toEqual([
      ["pack.rules[0].cite", "二（一）"],
      ["pack.rules[0].root.cite", "二（一）"],
      ["pack.rules[0].root.of[0].cite", "二（一）1"],
      ["pack.rules[0].root.of[1].cite", "二（一）2"],
      ["pack.rules[0].root.of[2].cite", "二（一）3"],
      ["pack.rules[0].root.of[3].cite", "二（一）4"],
      ["pack.rules[0].root.of[4].cite", "二（一）5"],
      ["pack.rules[0].root.of[5].cite", "二（一）6"],
      ["pack.parameters.rdIntensity[0].cite", "二（一）4"],
      ["pack.gaps[0].cite", "二（六）"],
    ])
    // The cite comes back as the object itself, note included, so a test can report it whole.
    expect(found[2]?.cite).toBe(hardTechPool.root.kind === "all" ? hardTechPool.root.of[0]?.cite : undefined)
    expect(found[2]?.cite.note).toBe("1亿元 = 10000万元; 原则上 → soft")
    expect(found[8]?.cite).toBe(rdIntensityCite)
  })

  it("starts the paths at the name it is given", () => {
    expect(Citation.collect(listingGap, "gap").map((c) => c.at)).toEqual(["gap.cite"])
    expect(Citation.collect([listingGap, listingGap], "gaps").map((c) => c.at)).toEqual([
      "gaps[0].cite",
      "gaps[1].cite",
    ])
  })

  it("takes only objects with all three of source, clause and text as strings", () => {
    expect(Citation.collect({ source, clause: "二（一）4" })).toEqual([])
    expect(Citation.collect({ source, clause: "二（一）4", text: 5 })).toEqual([])
    expect(Citation.collect({ meta: { source: { file: source } } })).toEqual([])
    expect(Citation.collect(null)).toEqual([])
    expect(Citation.collect("二（一）4")).toEqual([])
    expect(Citation.collect(rdIntensityCite)).toEqual([{ at: "pack", cite: rdIntensityCite }])
  })
})
