/**
 * YAML reading for pack files: parse with line tracking, report syntax errors with file:line:column, and map a
 * data path (`["tasks", 3, "lead", 0]`) back to the line of the YAML node it came from.
 *
 * @internal
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml"

/** A parsed YAML file: its document, the line counter to turn offsets into lines, and its plain value. */
export interface YamlFile {
  readonly path: string
  readonly doc: Document.Parsed
  readonly lines: LineCounter
  readonly value: unknown
}

/** A YAML syntax problem. */
export interface YamlProblem {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly code: string
  readonly message: string
}

const ZH: Record<string, string> = {
  DUPLICATE_KEY: "同一映射中键重复",
  BAD_INDENT: "缩进错误",
  MISSING_CHAR: "缺少字符",
  MULTILINE_IMPLICIT_KEY: "隐式键必须写在一行内",
  UNEXPECTED_TOKEN: "意外的符号",
  BLOCK_AS_IMPLICIT_KEY: "块结构不能作为隐式键",
  TAB_AS_INDENT: "不能用制表符缩进",
  ALIAS_PROPS: "别名不能带属性",
  BAD_ALIAS: "无效的别名",
  BAD_DIRECTIVE: "无效的指令",
  BAD_DQ_ESCAPE: "双引号字符串中的转义无效",
  BAD_SCALAR_START: "标量开头无效",
  BLOCK_IN_FLOW: "流式结构中不能出现块结构",
  DUPLICATE_ANCHOR: "锚点重复",
  MISSING_ANCHOR: "锚点未定义",
  TAG_RESOLVE_FAILED: "标签无法解析",
  UNEXPECTED_SCALAR: "意外的标量",
}

/** The Chinese name of a YAML error code, for bilingual messages. */
export const yamlCodeZh = (code: string): string => ZH[code] ?? "YAML 语法错误"

/**
 * Parses one file as YAML 1.2 (core schema, so dates stay strings), rejecting duplicate keys.
 * Returns the file, or every syntax problem found.
 */
export const parseYaml = (
  path: string,
  text: string,
):
  | { readonly _tag: "ok"; readonly file: YamlFile }
  | { readonly _tag: "error"; readonly problems: ReadonlyArray<YamlProblem> } => {
  const lines = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter: lines,
    schema: "core",
    version: "1.2",
    uniqueKeys: true,
    prettyErrors: true,
  })
  if (doc.errors.length > 0) {
    // One mistake often cascades into several errors at the same spot; keep the first per position.
    const seen = new Set<number>()
    const problems: Array<YamlProblem> = []
    for (const e of doc.errors) {
      if (seen.has(e.pos[0])) continue
      seen.add(e.pos[0])
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0])
      const first = e.message.split("\n")[0] ?? e.message
      problems.push({
        file: path,
        line: pos.line,
        column: pos.col,
        code: e.code,
        message: first.replace(/ at line \d+, column \d+:?$/, ""),
      })
    }
    return { _tag: "error", problems }
  }
  return { _tag: "ok", file: { path, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) } }
}

/** Line and column (1-based) of the YAML node at a data path, or of its nearest existing ancestor. */
export const locateIn = (
  file: YamlFile,
  path: ReadonlyArray<PropertyKey>,
): { readonly line: number; readonly column: number } => {
  let node: unknown = file.doc.contents
  let offset: number | undefined = rangeStart(node)
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key))
      if (pair === undefined) break
      // Point at the key's line: that is where an author looks for `lead:` or an unknown field.
      offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset
      node = pair.value
    } else if (isSeq(node)) {
      const item = typeof key === "number" ? node.items[key] : undefined
      if (item === undefined) break
      offset = rangeStart(item) ?? offset
      node = item
    } else break
  }
  if (offset === undefined) return { line: 1, column: 1 }
  const pos = file.lines.linePos(offset)
  return { line: pos.line, column: pos.col }
}

const rangeStart = (node: unknown): number | undefined => {
  const range = (node as Node | null | undefined)?.range
  return range === undefined || range === null ? undefined : range[0]
}
