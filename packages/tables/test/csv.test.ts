import { describe, expect, it } from "vitest"
import { readTable, TableReadError, writeTable } from "../src/index.js"

const bytes = (text: string) => new TextEncoder().encode(text)
const failure = async (p: Promise<unknown>): Promise<TableReadError> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(TableReadError)
  return e as TableReadError
}

describe("CSV", () => {
  it("reads quoted fields holding commas, quotes and line breaks", async () => {
    const table = await readTable("csv", bytes('uscc,name,note\n1,"Acme, Ltd","say ""hi""\nsecond line"\n2,Beta,\n'))
    expect(table.headers).toEqual(["uscc", "name", "note"])
    expect(table.rows).toEqual([
      { uscc: "1", name: "Acme, Ltd", note: 'say "hi"\nsecond line' },
      { uscc: "2", name: "Beta", note: null },
    ])
    expect(table.firstRow).toBe(2)
  })

  it("reads a CSV that Excel saved in GBK, as Chinese Windows does", async () => {
    const gbk = Buffer.from(
      "cdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb2cc6f3d2b5c3fbb3c62cd0d0d5fec7f8bbaeb4fac2eb0d0a39313530303135314d4135553741515833582cd6d8c7eccdadc1bac4b3beabc3dcd6c6d4ecd3d0cfdeb9abcbbe2c3530303135310d0a",
      "hex",
    )
    const table = await readTable("csv", new Uint8Array(gbk))
    expect(table.headers).toEqual(["统一社会信用代码", "企业名称", "行政区划代码"])
    expect(table.rows).toEqual([
      { 统一社会信用代码: "91500151MA5U7AQX3X", 企业名称: "重庆铜梁某精密制造有限公司", 行政区划代码: "500151" },
    ])
  })

  it("drops a UTF-8 BOM and trims headers, not cells", async () => {
    const table = await readTable("csv", bytes("\uFEFF 统一社会信用代码 ,企业名称\r\n91500151MA5U000001, 某某 \r\n"))
    expect(table.headers).toEqual(["统一社会信用代码", "企业名称"])
    expect(table.rows).toEqual([{ 统一社会信用代码: "91500151MA5U000001", 企业名称: " 某某 " }])
  })

  it("keeps a blank line as an empty row, so rows[i] stays spreadsheet row firstRow + i; trailing blank lines go", async () => {
    const table = await readTable("csv", bytes("a,b\n1,2\n\n3,4\n\n\n"))
    expect(table.rows).toEqual([{ a: "1", b: "2" }, {}, { a: "3", b: "4" }])
  })

  it("names the line of an unclosed quote, counting line breaks inside earlier fields", async () => {
    const e = await failure(readTable("csv", bytes('a,b\n"x\ny",1\n2,3\n"open,4\n5,6\n')))
    expect(e.line).toBe(5)
    expect(e.row).toBe(4)
    expect(e.text.en).toBe("line 5: a quoted field has no closing quote")
    expect(e.text.zh).toBe("第 5 行：带引号的字段没有闭合引号")
  })

  it("names the line of a record with the wrong number of fields", async () => {
    const e = await failure(readTable("csv", bytes('a,b,c\n1,"two\nlines",3\n4,5\n')))
    expect([e.line, e.row]).toEqual([4, 3])
    expect(e.reason.en).toBe("the record has 2 field(s) but the header has 3")
    expect(e.message).toBe("line 4: the record has 2 field(s) but the header has 3")
  })

  it("takes any header as a plain key: quotes, backslashes, line separators, __proto__, and repeats (the last wins)", async () => {
    const odd = ['a"}; throw new Error("x"); //', "back\\slash", "line\u2028sep", "", "dup"]
    const headerLine = odd.map((h) => `"${h.replaceAll('"', '""')}"`).join(",")
    const table = await readTable("csv", bytes(`${headerLine},dup\n1,2,3,4,5,6\n`))
    expect(table.rows).toEqual([Object.fromEntries([...odd.map((h, i) => [h, String(i + 1)]), ["dup", "6"]])])
    const proto = await readTable("csv", bytes("__proto__,b\nx,\n"))
    expect(Object.getPrototypeOf(proto.rows[0])).toBe(Object.prototype)
    expect(Object.entries(proto.rows[0]!)).toEqual([
      ["__proto__", "x"],
      ["b", null],
    ])
  })

  it("refuses an empty file", async () => {
    const e = await failure(readTable("csv", bytes("\n\n")))
    expect(e.reason).toEqual({ zh: "文件为空", en: "the file is empty" })
  })

  it("writes a BOM and quotes what needs quoting, and reads back the same rows", async () => {
    const headers = ["uscc", "name", "revenue"]
    const rows = [
      { uscc: "91500151MA5U000001", name: '某某, "电子"\n有限公司', revenue: 1234.5 },
      { uscc: "91500151MA5U000002", name: "Beta", revenue: "" },
    ]
    const out = await writeTable("csv", headers, rows)
    expect([...out.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const back = await readTable("csv", out)
    expect(back.headers).toEqual(headers)
    expect(back.rows).toEqual([
      { uscc: "91500151MA5U000001", name: '某某, "电子"\n有限公司', revenue: "1234.5" },
      { uscc: "91500151MA5U000002", name: "Beta", revenue: null },
    ])
  })
})

describe("JSON", () => {
  it("reads an array of row objects with every key as a header, and refuses anything else", async () => {
    const table = await readTable("json", bytes('[{"a":1},{"b":"x","a":null}]'))
    expect(table).toEqual({ headers: ["a", "b"], rows: [{ a: 1 }, { b: "x", a: null }], firstRow: 1 })
    expect((await failure(readTable("json", bytes('{"a":1}')))).reason.en).toBe("expected a JSON array of rows")
    expect((await failure(readTable("json", bytes("[1,")))).reason.en).toMatch(/^invalid JSON: /)
  })
})
