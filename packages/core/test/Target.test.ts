import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { Calendar, Region, Target } from "../src/index.js"

const TONGLIANG_GOAL = {
  source: "000_d71d90c544c9bbc9.txt",
  clause: "一",
  text: "到2025年，力争全区创新型中小企业达到500家，市级专精特新中小企业达到150家，国家专精特新“小巨人”企业达到15家，力争新增上市企业3家。",
}
const SHIZHU_GOAL = {
  source: "001_323b9f65a3484da2.txt",
  clause: "一",
  text: "到2025年，全县创新型中小企业达到300家，市级专精特新中小企业达到30家，国家专精特新“小巨人”企业达到5家。",
}
const CITY_GOAL = {
  source: "reference/national-criteria.md",
  clause: "Chongqing municipal plan",
  text: "Targets for 2025: 创新型中小企业 25,000; 市级专精特新 2,500; 小巨人 300; new listed companies 25.",
}

const level = (
  id: string,
  metric: string,
  value: number,
  region: string,
  aspirational: boolean,
  cite: Target.Target["cite"],
  rollsUpTo?: string,
): Target.Target => ({
  id,
  metric,
  label: { zh: id, en: id },
  basis: "level",
  comparator: ">=",
  value,
  unit: "家",
  aspirational,
  region,
  deadline: "2025-12-31",
  cite,
  ...(rollsUpTo === undefined ? {} : { rollsUpTo }),
})

const cqInnovative = level("cq-2025-innovative-sme", "enterprises.innovative_sme", 25000, "500000", false, CITY_GOAL)
const cqSrdi = level("cq-2025-srdi-sme", "enterprises.srdi_sme", 2500, "500000", false, CITY_GOAL)
const tlInnovative = level(
  "tl-2025-innovative-sme",
  "enterprises.innovative_sme",
  500,
  "500151",
  true,
  TONGLIANG_GOAL,
  cqInnovative.id,
)
const tlGiant = level("tl-2025-little-giant", "enterprises.little_giant", 15, "500151", true, TONGLIANG_GOAL)
const szInnovative = level(
  "sz-2025-innovative-sme",
  "enterprises.innovative_sme",
  300,
  "500240",
  false,
  SHIZHU_GOAL,
  cqInnovative.id,
)
const szSrdi = level("sz-2025-srdi-sme", "enterprises.srdi_sme", 30, "500240", false, SHIZHU_GOAL, cqSrdi.id)

const tlListings: Target.Target = {
  ...level("tl-2025-listings-new", "listings.new", 3, "500151", true, TONGLIANG_GOAL),
  basis: "increase",
  start: "2022-01-01",
}
const tlPoolIntake: Target.Target = {
  ...level("tl-pool-intake", "pool.entries", 50, "500151", false, {
    source: "000_d71d90c544c9bbc9.txt",
    clause: "二（一）1",
    text: "建立“专精特新”企业培育库，每年优选不少于50家种子企业入库进行重点培育",
  }),
  basis: "annual",
  start: "2022-10-25",
}

const obs = (target: Target.Target, on: string, value: number): Target.Observation => ({
  target: target.id,
  region: target.region,
  on,
  value,
})

// Counts below are illustrative inputs for the arithmetic, except the city's 5,035 SRDI SMEs (press, 2024).
describe("Target.progress, level", () => {
  it("marks 重庆市's 2,500 SRDI target achieved by the 5,035 valid firms reported for 2024", () => {
    const p = Target.progress(cqSrdi, [obs(cqSrdi, "2024-12-31", 5035)], "2025-01-01")
    expect(p).toMatchObject({ current: 5035, gap: 0, requiredPace: 0, status: "achieved" })
    expect(p.attainment).toBeCloseTo(2.014, 10)
  })

  it("projects 铜梁's 500 innovative SMEs linearly and finds it off track below 90%", () => {
    const p = Target.progress(
      tlInnovative,
      [
        obs(tlInnovative, "2023-12-31", 200),
        obs(tlInnovative, "2024-12-31", 320),
        obs(tlInnovative, "2025-09-30", 999),
      ],
      "2025-06-30",
    )
    expect(p.current).toBe(320)
    expect(p.gap).toBe(180)
    expect(p.attainment).toBeCloseTo(0.64, 10)
    // 184 days left: 180 ÷ (184 / 365.2425) a year.
    expect(p.requiredPace).toBeCloseTo(180 / (184 / 365.2425), 9)
    // 120 more over leap-year 2024 (366 days), carried 365 days to the deadline.
    expect(p.observedPace).toBeCloseTo(120 / (366 / 365.2425), 9)
    expect(p.projection).toBeCloseTo(320 + (120 * 365) / 366, 9)
    expect(p.status).toBe("off_track")
    // 力争: the same maths, but no alarm.
    expect(Target.needsAttention(tlInnovative, p)).toBe(false)
  })

  it("finds 石柱's binding 300 on track and its 30 SRDI SMEs at risk", () => {
    const innovative = Target.progress(
      szInnovative,
      [obs(szInnovative, "2024-12-31", 240), obs(szInnovative, "2023-12-31", 150)],
      "2025-01-01",
    )
    expect(innovative.projection).toBeCloseTo(240 + (90 * 365) / 366, 9)
    expect(innovative.status).toBe("on_track")
    const srdi = Target.progress(szSrdi, [obs(szSrdi, "2023-12-31", 18), obs(szSrdi, "2024-12-31", 23)], "2025-01-01")
    expect(srdi.projection).toBeCloseTo(23 + (5 * 365) / 366, 9)
    expect(srdi.status).toBe("at_risk")
    expect(Target.needsAttention(szSrdi, srdi)).toBe(true)
  })

  it("draws the line from the baseline when there is one", () => {
    const withBaseline = { ...szInnovative, baseline: { value: 100, on: "2022-01-01" } }
    const p = Target.progress(withBaseline, [obs(szInnovative, "2024-01-01", 200)], "2024-01-01")
    // 100 more in two years (730 days), two more years (730 days) to go.
    expect(p.projection).toBeCloseTo(300, 9)
    expect(p.status).toBe("on_track")
  })

  it("says no_data without observations of the target's id and region, and at_risk with a single point", () => {
    expect(Target.progress(tlGiant, [], "2024-06-30").status).toBe("no_data")
    expect(
      Target.progress(tlGiant, [{ ...obs(tlGiant, "2024-01-01", 9), region: "500240" }], "2024-06-30").status,
    ).toBe("no_data")
    const single = Target.progress(tlGiant, [obs(tlGiant, "2024-01-01", 9)], "2024-06-30")
    expect(single).toMatchObject({ current: 9, gap: 6, observedPace: null, projection: null, status: "at_risk" })
  })

  it("is off track past the deadline when not achieved, with no pace left to ask", () => {
    const p = Target.progress(tlGiant, [obs(tlGiant, "2024-12-31", 10), obs(tlGiant, "2025-12-31", 14)], "2026-03-01")
    expect(p).toMatchObject({ current: 14, gap: 1, requiredPace: null, status: "off_track" })
  })

  it("reads a ceiling (<=) the other way round", () => {
    const ceiling = { ...tlGiant, comparator: "<=" as const, value: 10 }
    const p = Target.progress(ceiling, [obs(ceiling, "2023-12-31", 14), obs(ceiling, "2024-12-31", 12)], "2025-01-01")
    expect(p.gap).toBe(2)
    expect(p.attainment).toBeCloseTo(10 / 12, 10)
    expect(p.status).toBe("at_risk") // projected ≈ 10.005, within 10% above the ceiling
  })
})

describe("Target.progress, increase and annual", () => {
  it("counts 铜梁's 3 new listings from zero at the start of the period", () => {
    // One new listing by 2024-01-01: two years (730 days) in, 730 days to go → projected 2.
    const p = Target.progress(tlListings, [obs(tlListings, "2024-01-01", 1)], "2024-01-01")
    expect(p.observedPace).toBeCloseTo(1 / (730 / 365.2425), 9)
    expect(p.projection).toBeCloseTo(2, 9)
    expect(p.status).toBe("off_track") // 2 < 90% of 3
    const done = Target.progress(tlListings, [obs(tlListings, "2025-05-01", 3)], "2025-06-01")
    expect(done.status).toBe("achieved")
  })

  it("judges the 每年不少于50家 pool intake per calendar year, pro-rated by day", () => {
    const observations = [obs(tlPoolIntake, "2023-12-31", 55), obs(tlPoolIntake, "2024-06-30", 30)]
    const p = Target.progress(tlPoolIntake, observations, "2024-06-30")
    // 2024 is a leap year: 182 of 366 days elapsed.
    expect(p.current).toBe(30)
    expect(p.projection).toBeCloseTo((30 * 366) / 182, 9)
    expect(p.requiredPace).toBeCloseTo(20 / (184 / 365.2425), 9)
    expect(p.status).toBe("on_track")
    expect(Target.progress(tlPoolIntake, observations, "2023-12-31").status).toBe("achieved")
    // The first year runs from the plan's date: 30 by 2022-11-30 over 37 of 68 days.
    const first = Target.progress(tlPoolIntake, [obs(tlPoolIntake, "2022-11-30", 30)], "2022-11-30")
    expect(first.projection).toBeCloseTo((30 * 68) / 37, 9)
    // A new year with nothing reported yet has no data.
    expect(Target.progress(tlPoolIntake, observations, "2025-02-01").status).toBe("no_data")
  })
})

describe("Target.rollUp", () => {
  const observations = [obs(tlInnovative, "2024-12-31", 320), obs(szInnovative, "2024-12-31", 240)]

  it("rolls 铜梁 500 + 石柱 300 into 重庆市's 25,000", () => {
    const r = Target.rollUp(cqInnovative, [tlInnovative, szInnovative, szSrdi, tlGiant], observations, "2025-01-01")
    expect(r.children.map((c) => c.target)).toEqual([tlInnovative.id, szInnovative.id])
    expect(r.childrenTarget).toBe(800)
    expect(r.coverage).toBeCloseTo(0.032, 12)
    expect(r.childrenCurrent).toBe(560)
    expect(r.gapToParent).toBe(24440)
    expect(r.parent.status).toBe("no_data")
    expect(r.excluded).toEqual([])
  })

  it("uses the declared tree when given and excludes children outside the region or counting otherwise", () => {
    const sichuan = { ...szInnovative, id: "sc-x", region: "510104" }
    const otherMetric = { ...tlGiant, id: "tl-y", rollsUpTo: cqInnovative.id }
    const r = Target.rollUp(
      cqInnovative,
      [tlInnovative, sichuan, otherMetric],
      observations,
      "2025-01-01",
      Region.WELL_KNOWN,
    )
    expect(r.children.map((c) => c.target)).toEqual([tlInnovative.id])
    expect(r.excluded.map((e) => e.target.id)).toEqual(["sc-x", "tl-y"])
    expect(r.excluded[0]?.reason.zh).toBe(
      "目标 sc-x 的地区 510104 不在上级目标 cq-2025-innovative-sme 的地区 500000 之内",
    )
    expect(r.excluded[1]?.reason.en).toContain("does not count like the parent")
    // A qualified reference (<pack>:<id>) names the parent too.
    expect(Target.rollsUpTo({ ...szInnovative, rollsUpTo: `cq-srdi-2022:${cqInnovative.id}` }, cqInnovative)).toBe(true)
  })

  it("sums exactly the children's current values for any observations (property)", () => {
    const day = fc
      .integer({ min: Calendar.toDays("2022-01-01"), max: Calendar.toDays("2026-12-31") })
      .map(Calendar.fromDays)
    const children = [tlInnovative, szInnovative]
    const observation = fc.record({
      child: fc.constantFrom(...children),
      on: day,
      value: fc.integer({ min: 0, max: 30000 }),
    })
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 30 }), day, (drawn, asOf) => {
        const observations = drawn.map((d) => obs(d.child, d.on, d.value))
        const r = Target.rollUp(cqInnovative, children, observations, asOf)
        // Independently: each child's latest observation on or before asOf (the last listed wins a tie).
        const expected = children
          .map((c) => {
            const mine = drawn.filter((d) => d.child === c && d.on <= asOf)
            const latest = mine.reduce<(typeof mine)[number] | undefined>(
              (a, d) => (a === undefined || d.on >= a.on ? d : a),
              undefined,
            )
            return latest?.value ?? 0
          })
          .reduce((a, b) => a + b, 0)
        expect(r.childrenCurrent).toBe(expected)
        expect(r.childrenCurrent).toBe(r.children.reduce((s, p) => s + (p.current ?? 0), 0))
        expect(r.gapToParent).toBe(Math.max(0, 25000 - expected))
      }),
    )
  })
})
