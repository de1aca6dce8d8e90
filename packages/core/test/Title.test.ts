import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { Calendar, Enterprise, Rule, Title } from "../src/index.js"
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

describe("Title.heldAt", () => {
  const onStar = firm({
    titles: [{ title: "hnte", level: "national", grantedOn: "2023-01-01" }],
    listing: [
      { stage: "neeq_basic", reachedOn: "2022-05-01" },
      { stage: "star", reachedOn: "2024-03-15" },
    ],
  })

  it("holds `listed` through a listing on an exchange board, with no `listed` title on record", () => {
    expect(Title.heldAt(onStar, ["listed"], "2024-03-14")).toBeUndefined() // NEEQ is not a listing
    expect(Title.heldAt(onStar, ["listed"], "2024-03-15")).toBe("listed")
    const recorded = firm({ titles: [{ title: "listed", grantedOn: "2021-06-01" }] })
    expect(Title.heldAt(recorded, ["listed"], "2025-06-30")).toBe("listed")
  })

  it("counts a listing within `withinYears` from the day it was reached; a grant level does not apply to it", () => {
    expect(Title.heldAt(onStar, ["listed"], "2025-06-30", { withinYears: 1 })).toBeUndefined()
    expect(Title.heldAt(onStar, ["listed"], "2025-06-30", { withinYears: 2 })).toBe("listed")
    expect(Title.heldAt(onStar, ["listed"], "2025-06-30", { minLevel: "national" })).toBe("listed")
  })

  it("answers for other titles as holdsAt does, naming the title held", () => {
    expect(Title.heldAt(onStar, ["srdi_sme", "hnte"], "2025-06-30")).toBe("hnte")
    expect(Title.heldAt(onStar, ["srdi_sme"], "2025-06-30")).toBeUndefined()
    expect(Title.heldAt(onStar, ["hnte"], "2026-01-01")).toBeUndefined() // 3 years from 2023-01-01
    expect(Title.heldAt(onStar, ["hnte"], "2025-06-30", { minLevel: "national" })).toBe("hnte")
  })

  // Random records: a few titles (listed among them) with levels, reviews and revocations, and listing events.
  const day = fc
    .integer({ min: Calendar.toDays("2018-01-01"), max: Calendar.toDays("2027-12-31") })
    .map(Calendar.fromDays)
  const optional = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined })
  const titleIds = ["innovative_sme", "srdi_sme", "little_giant", "listed", "hnte"]
  const level = fc.constantFrom<Title.GrantLevel>("national", "provincial", "municipal", "district")
  const holding = fc.record({
    title: fc.constantFrom(...titleIds),
    level: optional(level),
    grantedOn: day,
    reviewedOn: optional(day),
    revokedOn: optional(day),
  })
  const record = fc.record({
    titles: fc.array(holding, { maxLength: 4 }),
    listing: fc.array(fc.record({ stage: fc.constantFrom(...Enterprise.LISTING_STAGES), reachedOn: day }), {
      maxLength: 3,
    }),
  })
  const query = fc.record({
    titles: fc.subarray(titleIds, { minLength: 1 }),
    asOf: day,
    minLevel: optional(level),
    withinYears: optional(fc.integer({ min: 1, max: 5 })),
  })

  it("is holdsAt over the holdings, or a listing for `listed` (property)", () => {
    fc.assert(
      fc.property(record, query, (input, q) => {
        const e = firm(input)
        const opts = { minLevel: q.minLevel, withinYears: q.withinYears }
        const listing = Title.listingAt(e, q.asOf)
        const byListing =
          q.titles.includes("listed") &&
          listing !== undefined &&
          (q.withinYears === undefined || Calendar.yearsBetween(listing.reachedOn, q.asOf) <= q.withinYears)
        const held = Title.heldAt(e, q.titles, q.asOf, opts)
        expect(held !== undefined).toBe(byListing || Title.holdsAt(e.titles, q.titles, q.asOf, opts))
        if (held !== undefined) expect(q.titles).toContain(held)
      }),
      { numRuns: 300 },
    )
  })

  it("decides a rule's title node (property)", () => {
    const cite = { source: "000_d71d90c544c9bbc9.txt", clause: "二（一）1", text: "对首次认定为市级“专精特新”" }
    fc.assert(
      fc.property(record, query, (input, q) => {
        const e = firm(input)
        const rule = Rule.compile(
          {
            ...hardTechPool,
            root: {
              kind: "title",
              id: "held",
              cite,
              titles: q.titles,
              ...(q.minLevel !== undefined ? { minLevel: q.minLevel } : {}),
              ...(q.withinYears !== undefined ? { withinYears: q.withinYears } : {}),
            },
          },
          { asOf: q.asOf },
        )
        const held = Title.heldAt(e, q.titles, q.asOf, { minLevel: q.minLevel, withinYears: q.withinYears })
        expect(rule.verdict(e)).toBe(held === undefined ? "ineligible" : "eligible")
        expect(rule.evaluate(e).trace[0]?.value).toBe(held)
      }),
      { numRuns: 200 },
    )
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
