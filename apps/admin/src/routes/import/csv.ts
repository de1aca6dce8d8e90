/**
 * Reads a CSV file for the import preview (RFC 4180: quoted fields, doubled quotes, CRLF, a UTF-8 BOM), so the
 * rows appear as the staff typed them with the API's errors beside them. The API parses the file itself for real.
 */

/** The header and the data rows of a CSV text. */
export const parseCsv = (text: string): { head: Array<string>; rows: Array<Array<string>> } => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let cell = ""
  let quoted = false
  const src = text.replace(/^\uFEFF/, "")
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") {
      row.push(cell)
      cell = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ""
    } else cell += ch
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  const [head = [], ...body] = rows.filter((r) => r.some((c) => c.trim() !== ""))
  return { head, rows: body }
}
