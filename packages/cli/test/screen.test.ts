import { readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { readTable } from "../src/io/table.js"
import { populationFile, scratch, srdi } from "./helpers.js"

describe("srdi screen", () => {
  it("screens every enterprise against the rules in force and prints counts that add up", async () => {
    const dir = scratch()
    const file = await populationFile(dir, 300)
    const { code, out } = await srdi(
      "--lang",
      "en",
      "screen",
      file,
      "--pack",
      "cq-hardtech-2023",
      "--as-of",
      "2025-06-30",
      "--json",
    )
    expect(code).toBe(0)
    const result = JSON.parse(out)
    expect(result.pack.id).toBe("cq-hardtech-2023")
    expect(result.pack.hash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.rules.map((r: { id: string }) => r.id)).toEqual(["hardtech-pool-entry"])
    const counts = result.rules[0].counts
    expect(counts.eligible + counts.ineligible + counts.needs_review + counts.insufficient_data).toBe(300)
    expect(result.results).toHaveLength(300)
    const one = result.results[0].evaluation
    expect(one.reasons.en.length).toBeGreaterThan(0)
    expect(one.trace.some((t: { cite: { clause: string } }) => t.cite.clause === "二（一）4")).toBe(true)
  })

  it("evaluates the national tiers by the rules in force on each side of 2026-04-01", async () => {
    const dir = scratch()
    const file = await populationFile(dir, 20)
    const before = JSON.parse(
      (await srdi("screen", file, "--pack", "cn-miit-tiers", "--as-of", "2026-03-31", "--json")).out,
    )
    const after = JSON.parse(
      (await srdi("screen", file, "--pack", "cn-miit-tiers", "--as-of", "2026-04-01", "--json")).out,
    )
    const ids = (r: { rules: Array<{ id: string }> }) => r.rules.map((x) => x.id).sort()
    expect(ids(before)).toEqual(["innovative-sme-63", "little-giant-63", "srdi-sme-63"])
    expect(ids(after)).toEqual(["innovative-sme-63", "little-giant-2026", "srdi-sme-2026"])
  })

  it("writes results as XLSX with one row per enterprise and rule", async () => {
    const dir = scratch()
    const file = await populationFile(dir, 50)
    const out = join(dir, "results.xlsx")
    const { code } = await srdi("screen", file, "--pack", "cq-hardtech-2023", "--as-of", "2025-06-30", "--out", out)
    expect(code).toBe(0)
    const table = await readTable(out)
    expect(table.rows).toHaveLength(50)
    expect(table.headers).toEqual([
      "统一社会信用代码",
      "企业名称",
      "规则",
      "结论",
      "得分",
      "临界",
      "差距",
      "缺少数据",
      "理由",
    ])
  })

  it("still screens the good rows of a file with bad rows, reports each bad row, and exits 1", async () => {
    const dir = scratch()
    const good = await populationFile(dir, 5)
    const lines = (await readFile(good, "utf8")).split("\n")
    const header = lines[0]!.split(",")
    const revenue = header.findIndex((h) => h.includes("营业收入"))
    const cells = lines[1]!.split(",")
    cells[revenue] = "很多"
    lines[1] = cells.join(",")
    const bad = join(dir, "bad.csv")
    await writeFile(bad, lines.join("\n"))
    const { code, out } = await srdi(
      "--lang",
      "en",
      "screen",
      bad,
      "--pack",
      "cq-hardtech-2023",
      "--as-of",
      "2025-06-30",
      "--json",
    )
    expect(code).toBe(1)
    const result = JSON.parse(out)
    expect(result.rowErrors.length).toBeGreaterThanOrEqual(1)
    expect(result.rowErrors[0]).toMatchObject({ row: 2, column: "营业收入（万元）" })
    expect(result.rowErrors[0].message.en).toContain("not a number")
    // The enterprise with the bad row is left out whole; the other four are screened.
    expect(result.results).toHaveLength(4)
  })

  it("refuses a bad date, an unknown pack and an unknown rule with exit 2, and a missing file with exit 3", async () => {
    const dir = scratch()
    const file = await populationFile(dir, 3)
    const badDate = await srdi("--lang", "en", "screen", file, "--pack", "cq-hardtech-2023", "--as-of", "2025-02-30")
    expect(badDate.code).toBe(2)
    expect(badDate.err).toContain("--as-of must be a date written YYYY-MM-DD")
    const noPack = await srdi("screen", file, "--pack", "nowhere-2099")
    expect(noPack.code).toBe(2)
    expect(noPack.err).toContain("nowhere-2099")
    const noRule = await srdi("--lang", "en", "screen", file, "--pack", "cq-hardtech-2023", "--rule", "nope")
    expect(noRule.code).toBe(2)
    expect(noRule.err).toContain("hardtech-pool-entry")
    const noFile = await srdi("screen", join(dir, "missing.csv"), "--pack", "cq-hardtech-2023")
    expect(noFile.code).toBe(3)
    expect(noFile.err).toContain("missing.csv")
  })
})

describe("srdi template", () => {
  it("writes a template that reads back as one example enterprise without errors", async () => {
    const dir = scratch()
    const file = join(dir, "template.xlsx")
    const { code, out } = await srdi("template", file)
    expect(code).toBe(0)
    expect(out).toContain("示例数据")
    const table = await readTable(file)
    expect(table.headers[0]).toBe("统一社会信用代码")
    const screened = await srdi("screen", file, "--pack", "cq-hardtech-2023", "--as-of", "2025-06-30", "--json")
    expect(screened.code).toBe(0)
    expect(JSON.parse(screened.out).results).toHaveLength(1)
  })

  it("refuses a format it cannot write", async () => {
    const { code, err } = await srdi("--lang", "en", "template", "template.txt")
    expect(code).toBe(2)
    expect(err).toContain(".csv or .xlsx")
  })
})

describe("srdi awards", () => {
  it("lists entitlement lines with their clause and prices the budget", async () => {
    const dir = scratch()
    const file = await populationFile(dir, 400)
    const { code, out } = await srdi("awards", file, "--pack", "cq-tongliang-2022", "--as-of", "2025-12-31", "--json")
    expect(code).toBe(0)
    const result = JSON.parse(out)
    expect(result.lines.length).toBe(result.budget.lines)
    for (const line of result.lines) {
      expect(line.cite.source).toMatch(/\.txt$|\.md$/)
      expect(["due", "superseded", "unspecified"]).toContain(line.status)
    }
    // Tongliang names the first-recognition awards but no amount: never priced, always flagged.
    const first = result.lines.filter((l: { award: string }) => l.award === "tl-first-srdi-sme")
    expect(first.length).toBeGreaterThan(0)
    expect(first.every((l: { amount: null; status: string }) => l.amount === null && l.status === "unspecified")).toBe(
      true,
    )
  })
})
