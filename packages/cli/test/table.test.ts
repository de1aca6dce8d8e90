import { readFile, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { readTable, TableReadError, writeTable } from "../src/io/table.js"
import { populationFile, scratch, srdi } from "./helpers.js"

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as TableReadError,
  )

describe("enterprise tables as files", () => {
  it("names the file and line of a broken CSV, and the command exits 3", async () => {
    const dir = scratch()
    const file = join(dir, "broken.csv")
    await writeFile(file, 'uscc,name\n91500151MA5U000001,"Acme\n91500151MA5U000002,Beta\n')
    const e = await refusal(readTable(file))
    expect(e).toBeInstanceOf(TableReadError)
    expect(e!.line).toBe(2)
    expect(e!.message).toBe(`${file}:2: a quoted field has no closing quote (带引号的字段没有闭合引号)`)
    const ran = await srdi("screen", file, "--pack", "cq-hardtech-2023")
    expect(ran.code).toBe(3)
    expect(ran.err).toContain(`${file}:2:`)
  })

  it("refuses a .xlsx file that is not a workbook, in both languages", async () => {
    const dir = scratch()
    const fake = join(dir, "fake.xlsx")
    await writeFile(fake, "uscc,name\n")
    expect((await refusal(readTable(fake)))!.reason).toMatch(
      /^not a readable XLSX workbook .*\(不是可读取的 XLSX 工作簿/,
    )
  })

  it("reports a bad row by its row in the file when blank lines come before it", async () => {
    const dir = scratch()
    const good = await populationFile(dir, 3)
    const lines = (await readFile(good, "utf8")).split("\n")
    const header = lines[0]!.split(",")
    const revenue = header.findIndex((h) => h.includes("营业收入"))
    const cells = lines[3]!.split(",")
    cells[revenue] = "很多"
    // Row 2, a blank row 3, rows 4 and 5 (the bad one).
    const bad = join(dir, "gaps.csv")
    await writeFile(bad, [lines[0], lines[1], "", lines[2], cells.join(",")].join("\n") + "\n")
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
    const errors = JSON.parse(out).rowErrors as Array<{ row: number; column: string }>
    expect(errors.find((e) => e.column === "营业收入（万元）")?.row).toBe(5)
    // The enterprise's other rows are listed too: rows 2 and 4, around the blank row 3.
    expect(errors.map((e) => e.row).sort()).toEqual([2, 4, 5])
  })

  it("writes CSV, XLSX and JSON atomically and reads each back", async () => {
    const dir = scratch()
    const rows = [
      { uscc: "91500151MA5U000001", name: "某某, 电子", revenue: 12.5 },
      { uscc: "91500151MA5U000002", name: "Beta", revenue: null },
    ]
    for (const ext of ["csv", "xlsx", "json"]) {
      const file = join(dir, `out.${ext}`)
      await writeTable(file, ["uscc", "name", "revenue"], rows)
      const back = await readTable(file)
      expect(back.headers).toEqual(["uscc", "name", "revenue"])
      expect(back.rows).toEqual(
        ext === "csv" ? rows.map((r) => ({ ...r, revenue: r.revenue === null ? null : String(r.revenue) })) : rows,
      )
    }
    await expect(writeTable(join(dir, "out.txt"), ["a"], [])).rejects.toThrow("unsupported output type")
  })
})
