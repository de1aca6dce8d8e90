import { describe, expect, it } from "vitest"
import { ApiError, problemOf } from "../src/lib/api/problem.js"
import type { PackRow } from "../src/lib/api/types.js"
import { check, checkFinancialYear, checkProfile, ScreeningForm } from "../src/lib/forms.js"
import { plainNumber, traceValue } from "../src/lib/components/trace-values.js"
import { defaultPack } from "../src/lib/plan-context.svelte.js"
import { parseHash } from "../src/lib/router.svelte.js"
import { can } from "../src/lib/session.svelte.js"
import { newEnterpriseRegion } from "../src/routes/enterprises/edit.svelte.js"
import { parseCsv } from "../src/routes/import/csv.js"
import { decisionRows, decisionsXlsx } from "../src/routes/screening/export.js"

describe("forms: the API's schemas, messages by field", () => {
  it("names the date and the USCC next to their fields, in Chinese and in English", () => {
    const zh = check(
      ScreeningForm,
      "screening",
      { pack: "cn-miit-tiers", asOf: "2025-13-40", uscc: "91500151MA0000000X" },
      "zh",
    )
    expect(zh.ok).toBe(false)
    if (zh.ok) return
    expect(Object.keys(zh.errors).sort()).toEqual(["asOf", "uscc"])
    expect(zh.errors.asOf).toBe("日期应写为 YYYY-MM-DD 且真实存在，收到“2025-13-40”")
    const en = check(ScreeningForm, "screening", { pack: "cn-miit-tiers", asOf: "2025-13-40" }, "en")
    expect(en.ok ? "" : en.errors.asOf).toMatch(/date/i)
  })

  it("accepts a valid request, dropping empty optional fields", () => {
    const ok = check(
      ScreeningForm,
      "screening",
      { pack: "cn-miit-tiers", decides: "srdi_sme", asOf: "2025-06-30", uscc: "", region: "500151" },
      "zh",
    )
    expect(ok).toEqual({
      ok: true,
      value: { pack: "cn-miit-tiers", decides: "srdi_sme", asOf: "2025-06-30", region: "500151" },
    })
  })
})

describe("enterprise forms: core's Enterprise schema", () => {
  it("turns the yes / no / unknown choice into a boolean or leaves it out, and requires name and region", () => {
    const ok = checkProfile(
      { uscc: "91500151MA5U7AQX3U", name: " 测试 ", region: "500151", industry: "", strategicEmerging: "true" },
      "zh",
    )
    expect(ok).toEqual({
      ok: true,
      value: { uscc: "91500151MA5U7AQX3U", name: "测试", region: "500151", strategicEmerging: true },
    })
    const unknown = checkProfile(
      { uscc: "91500151MA5U7AQX3U", name: "测试", region: "500151", strategicEmerging: "" },
      "zh",
    )
    expect(unknown.ok && "strategicEmerging" in unknown.value).toBe(false)
    const bad = checkProfile({ uscc: "91500151MA5U7AQX3U", name: "", region: "5001", strategicEmerging: "" }, "en")
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(["name", "region"])
  })

  it("reads typed figures as numbers (thousands separators allowed) and names what is not one", () => {
    expect(checkFinancialYear({ year: "2024", revenue: "12,000.5", employees: "" }, "zh")).toEqual({
      ok: true,
      value: { year: 2024, revenue: 12000.5 },
    })
    const bad = checkFinancialYear({ year: "2024", employees: "12.5", rdExpense: "abc" }, "zh")
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(["employees", "rdExpense"])
  })
})

describe("trace values", () => {
  it("drops floating-point noise and keeps small ratios readable", () => {
    expect(plainNumber(0.30000000000000004)).toBe("0.3")
    expect(plainNumber(0.0035)).toBe("0.0035")
    expect(plainNumber(1234567.891)).toBe("1,234,567.89")
  })

  it("writes values in the indicator's measure in either language", () => {
    expect(traceValue({ value: 5.000000000000001, indicator: "rdIntensity" }, "en")).toBe("5%")
    expect(traceValue({ value: [12000, null], indicator: "revenue" }, "en")).toBe("12,000 万元 (CNY 10k), missing")
    expect(traceValue({ value: 3, indicator: "yearsInNiche" }, "zh")).toBe("3年")
    expect(traceValue({ value: true }, "zh")).toBe("是")
  })
})

describe("problemOf", () => {
  it("reads problem+json with Chinese detail and field issues", async () => {
    const res = new Response(
      JSON.stringify({
        type: "https://srdi.invalid/problems/validation",
        title: "Bad request",
        status: 400,
        detail: "name the rule to run",
        detailZh: "请用 rule 指定规则",
        errors: [{ pointer: "#/rule", at: "rule", message: { zh: "需要指定规则", en: "a rule is required" } }],
      }),
      { status: 400, headers: { "content-type": "application/problem+json" } },
    )
    const e = await problemOf(res)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.text("zh")).toBe("请用 rule 指定规则")
    expect(e.text("en")).toBe("name the rule to run")
    expect(e.byField("zh")).toEqual({ rule: "需要指定规则" })
  })

  it("marks a 412 as stale and reads the current version from its ETag", async () => {
    const res = new Response(JSON.stringify({ status: 412, detail: "changed" }), {
      status: 412,
      headers: { etag: '"7"' },
    })
    const e = await problemOf(res)
    expect(e.stale).toBe(true)
    expect(e.currentVersion).toBe(7)
    expect(new ApiError(400, { zh: "x", en: "x" }).stale).toBe(false)
  })

  it("falls back to the status line when the body is not JSON", async () => {
    const e = await problemOf(new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }))
    expect(e.status).toBe(502)
    expect(e.text("zh")).toBe("502 Bad Gateway")
  })
})

describe("router", () => {
  it("parses path segments and query from the hash", () => {
    const l = parseHash("#/screening/3/17?verdict=eligible&sort=-score")
    expect(l.segments).toEqual(["screening", "3", "17"])
    expect(l.query.get("verdict")).toBe("eligible")
    expect(parseHash("").segments).toEqual([])
  })
})

describe("roles", () => {
  it("offers approvals to admins only and reports to unit officers", () => {
    expect(can("district_admin", "approve")).toBe(true)
    expect(can("unit_officer", "approve")).toBe(false)
    expect(can("unit_officer", "report")).toBe(true)
    expect(can("viewer", "import")).toBe(false)
    expect(can(undefined, "write")).toBe(false)
  })
})

describe("defaultPack", () => {
  const row = (id: string, region: string, active = true): PackRow => ({
    id,
    region,
    active,
    version: "0.1.0",
    hash: "",
    title: id,
    installedAt: "",
  })
  const packs = [
    row("cn-miit-tiers", "100000"),
    row("cq-srdi-2020", "500000"),
    row("cq-srdi-2022", "500000"),
    row("cq-tongliang-2022", "500151"),
    row("cq-shizhu-2022", "500240"),
  ]
  it("picks the district's own plan, else the newest city SRDI plan", () => {
    expect(defaultPack(packs, "500151")).toBe("cq-tongliang-2022")
    expect(defaultPack(packs, "500240")).toBe("cq-shizhu-2022")
    expect(defaultPack(packs, "500000")).toBe("cq-srdi-2022")
    expect(defaultPack(packs, null)).toBe("cq-srdi-2022")
  })
})

describe("import preview CSV", () => {
  it("reads a BOM, quoted commas, doubled quotes and CRLF", () => {
    const t = parseCsv(
      '\uFEFF统一社会信用代码,企业名称,地区\r\n91500151MA00000009,"演示·某某""精密""制造, 有限公司",500151\r\n\r\n',
    )
    expect(t.head).toEqual(["统一社会信用代码", "企业名称", "地区"])
    expect(t.rows).toEqual([["91500151MA00000009", '演示·某某"精密"制造, 有限公司', "500151"]])
  })
})

describe("decisions export", () => {
  const decision = {
    id: 1,
    screeningId: 1,
    uscc: "91500151MA00000009",
    region: "500151",
    packId: "cn-miit-tiers",
    packVersion: "0.1.0",
    packHash: "sha256:x",
    ruleId: "srdi-sme-63",
    asOf: "2025-06-30",
    verdict: "eligible" as const,
    score: null,
    distance: 0,
    nearMiss: false,
    inputDigest: "d",
    reasons: {
      zh: ["从事特定细分市场时间为24.38年，满足不低于2年的要求", "上年度研发费用为3182.8万元，满足不低于100万元的要求"],
      en: [],
    },
    createdBy: "tongliang",
    createdAt: "",
  }
  it("writes bilingual headers and one row per decision with the Chinese reasons", () => {
    const [head, row] = decisionRows([decision])
    expect(head![0]).toBe("统一社会信用代码 USCC")
    expect(row).toEqual([
      "91500151MA00000009",
      "500151",
      "eligible",
      null,
      0,
      false,
      "从事特定细分市场时间为24.38年，满足不低于2年的要求；上年度研发费用为3182.8万元，满足不低于100万元的要求",
      "cn-miit-tiers@0.1.0",
      "srdi-sme-63",
      "2025-06-30",
    ])
  })

  it("produces an XLSX (zip) file", async () => {
    const blob = await decisionsXlsx([decision])
    // jsdom's Blob has no arrayBuffer(); its FileReader does the same.
    const buffer = await new Promise<ArrayBuffer>((ok) => {
      const reader = new FileReader()
      reader.onload = () => ok(reader.result as ArrayBuffer)
      reader.readAsArrayBuffer(blob)
    })
    const bytes = new Uint8Array(buffer)
    expect(blob.size).toBeGreaterThan(1000)
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]) // "PK"
  })
})

describe("newEnterpriseRegion", () => {
  const user = (role: "municipal_admin" | "district_admin" | "viewer", region: string | null) => ({
    username: "u",
    displayName: "u",
    role,
    region,
    unit: null,
  })
  it("starts a district admin's new enterprise in its own district, and nobody else's", () => {
    expect(newEnterpriseRegion(user("district_admin", "500151"))).toBe("500151")
    expect(newEnterpriseRegion(user("municipal_admin", "500000"))).toBe("")
    expect(newEnterpriseRegion(user("district_admin", null))).toBe("")
    expect(newEnterpriseRegion(undefined)).toBe("")
  })
})
