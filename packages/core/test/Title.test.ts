import { describe, expect, it } from "@effect/vitest"
import { Rule, Title } from "../src/index.js"
import { firm, hardTechInput } from "./fixtures/firms.js"
import { hardTechPool } from "./fixtures/hard-tech-003.js"

const srdi = { title: "srdi_sme", level: "municipal", grantedOn: "2022-12-01" } as const

describe("Title validity", () => {
  it("lasts the known validity (专精特新: 3 years) from the grant, through the day before the anniversary", () => {
    expect(Title.validUntil(srdi)).toBe("2025-11-30")
    expect(Title.isValidAt(srdi, "2025-11-30")).toBe(true)
    expect(Title.isValidAt(srdi, "2025-12-01")).toBe(false)
    expect(Title.isValidAt(srdi, "2022-11-30")).toBe(false)
  })

  it("is extended by a passed review, ended by a revocation, and bounded by an explicit expiry", () => {
    expect(Title.validUntil({ ...srdi, reviewedOn: "2025-11-20" })).toBe("2028-11-19")
    expect(Title.isValidAt({ ...srdi, revokedOn: "2024-05-01" }, "2024-05-01")).toBe(false)
    expect(Title.validUntil({ ...srdi, expiresOn: "2024-12-31" })).toBe("2024-12-31")
    expect(Title.validUntil({ title: "municipal_tech_center", grantedOn: "2020-01-01" })).toBeUndefined()
  })
})

describe("Title.holdsAt", () => {
  const holdings = [
    { title: "municipal_tech_center", level: "district", grantedOn: "2021-01-01" },
    { title: "tech_innovation_demo", grantedOn: "2021-01-01" },
  ] as const

  it("requires the level when a minimum is set (seed 003 二（一）3: 市级)", () => {
    const titles = ["municipal_tech_center", "tech_innovation_demo"]
    expect(Title.holdsAt(holdings, titles, "2025-06-30")).toBe(true)
    expect(Title.holdsAt(holdings, titles, "2025-06-30", { minLevel: "municipal" })).toBe(false)
    const national = [{ title: "municipal_tech_center", level: "national", grantedOn: "2021-01-01" }] as const
    expect(Title.holdsAt(national, titles, "2025-06-30", { minLevel: "municipal" })).toBe(true)
  })

  it("with withinYears counts a grant in the window even when since expired", () => {
    expect(Title.holdsAt([srdi], ["srdi_sme"], "2026-06-30")).toBe(false)
    expect(Title.holdsAt([srdi], ["srdi_sme"], "2026-06-30", { withinYears: 4 })).toBe(true)
    expect(Title.holdsAt([srdi], ["srdi_sme"], "2026-06-30", { withinYears: 3 })).toBe(false)
  })
})

describe("Title ladder", () => {
  it("finds the highest rung held, listing on an exchange board counting as listed", () => {
    const e = firm({
      titles: [
        { title: "innovative_sme", grantedOn: "2022-03-01" },
        { title: "srdi_sme", level: "municipal", grantedOn: "2023-07-01" },
      ],
      listing: [
        { stage: "neeq_basic", reachedOn: "2024-01-10" },
        { stage: "bse", reachedOn: "2025-09-01" },
      ],
    })
    expect(Title.tierAt(e, "2022-01-01")).toBeUndefined()
    expect(Title.tierAt(e, "2023-01-01")).toBe("innovative_sme")
    expect(Title.tierAt(e, "2024-06-30")).toBe("srdi_sme")
    expect(Title.tierAt(e, "2025-09-01")).toBe("listed")
    expect(Title.nextRung(undefined)).toBe("innovative_sme")
    expect(Title.nextRung("srdi_sme")).toBe("little_giant")
    expect(Title.nextRung("listed")).toBeUndefined()
  })

  it("finds the first recognition of a title", () => {
    const holdings = [
      { title: "srdi_sme", grantedOn: "2025-12-01" },
      { title: "srdi_sme", grantedOn: "2022-12-01" },
      { title: "hnte", grantedOn: "2020-01-01" },
    ]
    expect(Title.firstGranted(holdings, "srdi_sme")?.grantedOn).toBe("2022-12-01")
    expect(Title.firstGranted(holdings, "little_giant")).toBeUndefined()
  })
})

describe("listed", () => {
  const listedOnStar = firm({
    ...hardTechInput,
    titles: [...(hardTechInput.titles ?? []), { title: "srdi_sme", level: "municipal", grantedOn: "2023-06-01" }],
    listing: [
      { stage: "neeq_basic", reachedOn: "2022-05-01" },
      { stage: "star", reachedOn: "2024-03-15" },
    ],
  })

  it("is read from listing events on an exchange board, not from NEEQ", () => {
    expect(Title.listingAt(listedOnStar, "2023-01-01")).toBeUndefined()
    expect(Title.listingAt(listedOnStar, "2025-06-30")).toEqual({ stage: "star", reachedOn: "2024-03-15" })
    expect(Title.tierAt(listedOnStar, "2025-06-30")).toBe("listed")
  })

  it("makes a rule's `listed` title node hold without a `listed` title on record (seed 003: 未上市)", () => {
    const notListed = Rule.compile(
      {
        ...hardTechPool,
        root: {
          kind: "not",
          id: "not-listed",
          cite: {
            source: "003_2e9c9c1acd6c6705.txt",
            clause: "二（一）",
            text: "筛选入库企业重点针对未上市的专精特新和“小巨人”企业",
          },
          of: {
            kind: "title",
            id: "listed",
            cite: {
              source: "003_2e9c9c1acd6c6705.txt",
              clause: "二（一）",
              text: "筛选入库企业重点针对未上市的专精特新和“小巨人”企业",
            },
            titles: ["listed"],
          },
        },
      },
      { asOf: "2025-06-30" },
    )
    expect(notListed.verdict(listedOnStar)).toBe("ineligible")
    expect(notListed.verdict(firm(hardTechInput))).toBe("eligible")
  })
})
