import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { DecodeError, Enterprise } from "../src/index.js"

describe("Enterprise.decode", () => {
  it("decodes a minimal record with empty histories", () => {
    const result = Enterprise.decode({ uscc: "91350100M000100Y43", name: "重庆某科技有限公司", region: "500151" })
    expect(Either.getOrThrow(result)).toMatchObject({ financials: [], titles: [], attestations: [] })
  })

  it("lists every failing path, unknown fields included, in Chinese and English", () => {
    const result = Enterprise.decode({
      uscc: "91350100M000100Y44",
      name: "",
      region: "5001",
      financials: [{ year: 2024, revenue: "很多" }],
      colour: "blue",
    })
    if (Either.isRight(result)) throw new Error("expected a failure")
    const at = result.left.issues.map((i) => i.at)
    expect(at).toEqual(expect.arrayContaining(["uscc", "name", "region", "financials[0].revenue", "colour"]))
    const uscc = result.left.issues.find((i) => i.at === "uscc")!
    expect(uscc.message.zh).toContain("校验码错误")
    expect(uscc.message.en).toContain("wrong check character")
    const colour = result.left.issues.find((i) => i.at === "colour")!
    expect(colour.message).toEqual({ zh: "未知字段（不在模式中）", en: "is not a known field" })
    expect(DecodeError.format(result.left, "zh")).toContain("enterprise：发现")
  })
  it("explains a bad date and a bad region code wholly in each language", () => {
    const result = Enterprise.decode({
      uscc: "91350100M000100Y43",
      name: "某公司",
      region: "50015",
      foundedOn: "2023-02-30",
    })
    if (Either.isRight(result)) throw new Error("expected a failure")
    const date = result.left.issues.find((i) => i.at === "foundedOn")!
    expect(date.message.zh).toBe("日期应写为 YYYY-MM-DD 且真实存在，收到“2023-02-30”")
    expect(date.message.en).toBe('expected a date written YYYY-MM-DD, got "2023-02-30"')
    const region = result.left.issues.find((i) => i.at === "region")!
    expect(region.message.zh).toBe("行政区划代码应为6位数字（GB/T 2260），如 500151")
    expect(region.message.en).not.toMatch(/[\u4e00-\u9fff]/)
  })
})
