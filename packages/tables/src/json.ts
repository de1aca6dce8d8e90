import { type Cell, type Table, TableReadError } from "./table.js"

const decoder = new TextDecoder("utf-8")

/** Reads a JSON array of row objects; the headers are every key that occurs, in order of first appearance. */
export const readJson = (bytes: Uint8Array): Table => {
  let data: unknown
  try {
    data = JSON.parse(decoder.decode(bytes))
  } catch (e) {
    throw new TableReadError("json", {
      zh: `JSON 无效（${(e as Error).message}）`,
      en: `invalid JSON: ${(e as Error).message}`,
    })
  }
  if (!Array.isArray(data))
    throw new TableReadError("json", { zh: "应为行对象数组", en: "expected a JSON array of rows" })
  const headers = [...new Set(data.flatMap((r) => (r !== null && typeof r === "object" ? Object.keys(r) : [])))]
  return { headers, firstRow: 1, rows: data as Array<Record<string, Cell>> }
}

/** Writes the rows as pretty-printed JSON. */
export const writeJson = (rows: ReadonlyArray<unknown>): Uint8Array => Buffer.from(JSON.stringify(rows, null, 2) + "\n")
