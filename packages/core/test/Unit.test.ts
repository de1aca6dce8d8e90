import { describe, expect, it } from "@effect/vitest"
import { Unit } from "../src/index.js"

// Units of Tongliang as seed 000 prints them in its 牵头单位 / 配合单位 lines, and of Shizhu (seed 001).
const units: ReadonlyArray<Unit.Unit> = [
  { id: "tl-jxw", name: "区经济信息委", fullName: "重庆市铜梁区经济和信息化委员会", region: "500151" },
  { id: "tl-kjj", name: "区科技局", fullName: "重庆市铜梁区科学技术局", region: "500151" },
  { id: "tl-jrzx", name: "区金融发展中心", region: "500151" },
  { id: "tl-gxq", name: "高新区管委会", region: "500151", aliases: ["铜梁高新区管委会"] },
  { id: "sz-jxw", name: "县经济信息委", region: "500240" },
  { id: "sz-kjj", name: "县科技局", region: "500240" },
]

describe("Unit", () => {
  it("finds a unit by id", () => {
    expect(Unit.byId(units, "tl-kjj")?.name).toBe("区科技局")
    expect(Unit.byId(units, "tl-none")).toBeUndefined()
  })

  it("resolves every lead and cooperating unit of seed 000 task 2 as printed", () => {
    // 000 二（一）2: （牵头单位：区科技局；配合单位：区经济信息委、区教委、区招商投资局、高新区管委会）
    const printed = "区科技局；配合单位：区经济信息委、区教委、区招商投资局、高新区管委会"
    const names = printed.replace("配合单位：", "").split(/[；、]/)
    expect(names.map((n) => Unit.resolveName(units, n)?.id)).toEqual([
      "tl-kjj",
      "tl-jxw",
      undefined,
      undefined,
      "tl-gxq",
    ])
  })

  it("reads the last name of a list closed with 等, as in seed 000 三（三）", () => {
    // （牵头单位：区财政局、区经济信息委；配合单位：区科技局、区金融发展中心等）
    expect(Unit.resolveName(units, "区金融发展中心等")?.id).toBe("tl-jrzx")
    expect(Unit.resolveName(units, "等")).toBeUndefined()
  })

  it("matches full names and aliases, ignoring spaces, quotes and full-width forms", () => {
    expect(Unit.resolveName(units, "重庆市铜梁区经济和信息化委员会")?.id).toBe("tl-jxw")
    expect(Unit.resolveName(units, " 区 经济信息委 ")?.id).toBe("tl-jxw")
    expect(Unit.resolveName(units, "“区金融发展中心”")?.id).toBe("tl-jrzx")
    expect(Unit.resolveName(units, "铜梁高新区管委会")?.id).toBe("tl-gxq")
    expect(Unit.resolveName([{ id: "x", name: "区委(宣传部)", region: "500151" }], "区委（宣传部）")?.id).toBe("x")
    expect(Unit.resolveName(units, "县经济信息委")?.id).toBe("sz-jxw")
    expect(Unit.resolveName(units, "")).toBeUndefined()
  })

  it("does not guess between two units of the same name; a region narrows it", () => {
    const twoDistricts = [...units, { id: "bs-jxw", name: "区经济信息委", region: "500120" }]
    expect(Unit.matches(twoDistricts, "区经济信息委")).toHaveLength(2)
    expect(Unit.resolveName(twoDistricts, "区经济信息委")).toBeUndefined()
    expect(Unit.resolveName(twoDistricts, "区经济信息委", "500120")?.id).toBe("bs-jxw")
  })
})
