import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { readTable, TableReadError, writeTable } from "../src/index.js"

const book = async (fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  fill(wb.addWorksheet("名单"))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe("XLSX", () => {
  it("reads numbers, dates, booleans, rich text, hyperlinks and formula results as the cell shows them", async () => {
    const bytes = await book((s) => {
      s.addRow([" uscc ", "revenue", "foundedOn", "strategic", "name", "site", "total"])
      s.addRow([
        "91500151MA5U000001",
        1234.5,
        new Date(Date.UTC(2017, 6, 20)),
        true,
        { richText: [{ text: "某某" }, { font: { bold: true }, text: "电子" }] },
        { text: "homepage", hyperlink: "https://example.invalid" },
        { formula: "B2*2", result: 2469 },
      ])
    })
    const table = await readTable("xlsx", bytes)
    expect(table.headers).toEqual(["uscc", "revenue", "foundedOn", "strategic", "name", "site", "total"])
    expect(table.rows).toEqual([
      {
        uscc: "91500151MA5U000001",
        revenue: 1234.5,
        foundedOn: "2017-07-20",
        strategic: "true",
        name: "某某电子",
        site: "homepage",
        total: 2469,
      },
    ])
  })

  it("keeps blank rows as empty rows so row numbers stay true to the sheet, and drops trailing ones", async () => {
    const bytes = await book((s) => {
      s.addRow(["a", "b"])
      s.addRow([1, 2])
      s.addRow([])
      s.addRow([3, null])
      s.getCell("A6").value = ""
    })
    const table = await readTable("xlsx", bytes)
    expect(table.rows).toEqual([{ a: 1, b: 2 }, {}, { a: 3, b: null }])
  })

  it("names the sheet, row and cell of a formula error", async () => {
    const bytes = await book((s) => {
      s.addRow(["a", "b"])
      s.addRow([1, 2])
      s.addRow([3, { formula: "1/0", result: { error: "#DIV/0!" } }])
    })
    const e = (await readTable("xlsx", bytes).catch((err: unknown) => err)) as TableReadError
    expect(e).toBeInstanceOf(TableReadError)
    expect([e.sheet, e.row, e.column]).toEqual(["名单", 3, "B3"])
    expect(e.text.en).toBe('sheet "名单", row 3, column B3: the cell holds the formula error #DIV/0!')
    expect(e.text.zh).toBe("工作表“名单” 第 3 行 B3 列：单元格是公式错误 #DIV/0!")
  })

  it("refuses bytes that are not a workbook", async () => {
    const e = (await readTable("xlsx", new TextEncoder().encode("uscc,name\n1,2\n")).catch(
      (err: unknown) => err,
    )) as TableReadError
    expect(e).toBeInstanceOf(TableReadError)
    expect(e.format).toBe("xlsx")
    expect(e.reason.en).toMatch(/^not a readable XLSX workbook/)
    expect(e.reason.zh).toMatch(/^不是可读取的 XLSX 工作簿/)
  })

  it("writes a sheet with the given name and reads back the same rows", async () => {
    const headers = ["统一社会信用代码", "企业名称", "营业收入（万元）"]
    const rows = [
      { 统一社会信用代码: "91500151MA5U000001", 企业名称: "某某\n电子", "营业收入（万元）": 1234.5 },
      { 统一社会信用代码: "91500151MA5U000002", 企业名称: "Beta" },
    ]
    const out = await writeTable("xlsx", headers, rows, { sheetName: "roster" })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(out as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual(["roster"])
    const back = await readTable("xlsx", out)
    expect(back.headers).toEqual(headers)
    expect(back.rows).toEqual([rows[0], { ...rows[1], "营业收入（万元）": null }])
  })
})
