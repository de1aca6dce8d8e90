import { describe, expect, it } from "@effect/vitest"
import { Explain, Rule } from "../src/index.js"
import { firm, hardTechCandidate, hardTechInput, withYear } from "./fixtures/firms.js"
import { hardTechPool } from "./fixtures/hard-tech-003.js"

const hardTech = Rule.compile(hardTechPool, { asOf: "2025-06-30" })

describe("Explain.reasons", () => {
  it("gives one sentence per decisive node, citing the clause, in each language", () => {
    const ev = hardTech.evaluate(withYear(2024, { rdExpense: 336 }))
    expect(Explain.reasons(ev.trace, "zh")).toEqual(["上年度研发投入强度为4.2%，低于5%的要求（二（一）4）"])
    expect(Explain.reasons(ev.trace, "en")).toEqual([
      "R&D intensity last year was 4.2%, below the required 5% (clause 二（一）4)",
    ])
  })

  it("lists every failing criterion of an ineligible case, and each passing one of an eligible case", () => {
    const ev = hardTech.evaluate(
      firm({ ...hardTechInput, titles: [], ip: [{ asOf: "2024-12-31", classI: 1, classII: 0, classIMainProduct: 0 }] }),
    )
    expect(ev.reasons.zh.map((r) => r.slice(-7))).toEqual(["（二（一）3）", "（二（一）5）"])
    expect(ev.reasons.zh[1]).toBe("与主导产品相关的Ⅰ类知识产权数为0项，低于1项的要求（二（一）5）")
    expect(hardTech.evaluate(hardTechCandidate).reasons.zh).toHaveLength(6)
  })

  it("names what was measured, not the criterion, when the pack labels the criterion itself", () => {
    const labelled = {
      ...hardTechPool,
      root: {
        kind: "compare" as const,
        id: "rd-intensity",
        label: { zh: "上年度研发投入强度不低于5%", en: "R&D intensity last year at least 5%" },
        cite: { source: "003_2e9c9c1acd6c6705.txt", clause: "二（一）4", text: "上年度研发投入强度不低于5%；" },
        indicator: { id: "rdIntensity" as const },
        op: ">=" as const,
        threshold: [{ from: "2023-11-24", value: 5 }] as const,
      },
    }
    const ev = Rule.compile(labelled, { asOf: "2025-06-30" }).evaluate(withYear(2024, { rdExpense: 336 }))
    expect(ev.trace[0]!.label.zh).toBe("上年度研发投入强度不低于5%")
    expect(ev.reasons.zh).toEqual(["上年度研发投入强度为4.2%，低于5%的要求（二（一）4）"])
  })

  it("shows the digits that set a value apart from a threshold it rounds to", () => {
    // 399.84 ÷ 8000 = 4.998%: "5%, below the required 5%" would read as a bug.
    const ev = hardTech.evaluate(withYear(2024, { rdExpense: 399.84 }))
    expect(ev.reasons.en).toEqual(["R&D intensity last year was 4.998%, below the required 5% (clause 二（一）4)"])
  })

  it("serialises reasons as plain arrays", () => {
    const ev = hardTech.evaluate(withYear(2024, { rdExpense: undefined }))
    const json = JSON.parse(JSON.stringify(ev)) as { reasons: { zh: Array<string>; en: Array<string> } }
    expect(json.reasons.zh).toEqual(["上年度研发投入强度无法判断，缺少数据：financials[2024].rdExpense（二（一）4）"])
    expect(json.reasons.en).toEqual([
      "R&D intensity last year cannot be decided. Missing input: financials[2024].rdExpense (clause 二（一）4)",
    ])
  })
})

describe("Explain.summary", () => {
  it("states the verdict, rule, date and near miss in one line", () => {
    const near = hardTech.evaluate(withYear(2024, { rdExpense: 384 }))
    expect(Explain.summary(near, "zh")).toBe(
      "不符合条件（规则 hard-tech-pool-003，评估日 2025-06-30）；临界：距达标相差4%",
    )
    expect(Explain.summary(near, "en")).toBe(
      "Not eligible (rule hard-tech-pool-003, as of 2025-06-30); near miss: 4% short",
    )
    const missing = hardTech.evaluate(withYear(2024, { rdExpense: undefined }))
    expect(Explain.summary(missing, "en")).toBe(
      "Cannot be decided: data missing (rule hard-tech-pool-003, as of 2025-06-30); 1 input(s) missing",
    )
  })
})
