/**
 * The error every decoder of unknown data returns: a tagged error listing every failing path with a
 * sentence in Chinese and English, and — for pack files — the file and line.
 *
 * @since 0.1.0
 */
import { Data, Either, ParseResult, type Schema } from "effect"
import type { Text } from "./Locale.js"

/**
 * One problem found while decoding: where (path, and file/line when known) and what, in both languages.
 *
 * @since 0.1.0
 * @category models
 */
export interface Issue {
  readonly path: ReadonlyArray<PropertyKey>
  /** The path written `financials[1].revenue`; `(root)` for the value itself. */
  readonly at: string
  readonly message: Text
  readonly file?: string
  readonly line?: number
  readonly column?: number
}

/**
 * Decoding failed. `subject` names what was decoded (an enterprise, a pack file, a CSV row...).
 *
 * @since 0.1.0
 * @category errors
 */
export class DecodeError extends Data.TaggedError("DecodeError")<{
  readonly subject: string
  readonly issues: ReadonlyArray<Issue>
}> {
  override get message(): string {
    return format(this, "en")
  }
}

/**
 * Writes a path as `a.b[2].c`.
 *
 * @example
 * DecodeError.formatPath(["financials", 1, "revenue"]) // "financials[1].revenue"
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string => {
  if (path.length === 0) return "(root)"
  let out = ""
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else out += out === "" ? String(key) : `.${String(key)}`
  }
  return out
}

const translate = (tag: string, en: string): string => {
  switch (tag) {
    case "Missing":
      return "缺少必填字段"
    case "Unexpected":
      return "未知字段（不在模式中）"
    case "Forbidden":
      return "不允许的值"
    default: {
      // Our own filters already write "中文 / English"; keep the Chinese half.
      const slash = en.indexOf(" / ")
      if (slash > 0 && /[\u4e00-\u9fff]/.test(en.slice(0, slash))) return en.slice(0, slash)
      const expected = /^Expected (.+), actual (.+)$/s.exec(en)
      if (expected !== null) return `应为 ${expected[1]}，实际为 ${expected[2]}`
      return `不符合要求：${en}`
    }
  }
}

const englishOf = (tag: string, en: string): string => {
  if (tag === "Missing") return "is missing"
  if (tag === "Unexpected") return "is not a known field"
  const slash = en.indexOf(" / ")
  if (slash > 0 && /[\u4e00-\u9fff]/.test(en.slice(0, slash))) return en.slice(slash + 3)
  return en
}

/**
 * Turns an Effect `ParseError` into a {@link DecodeError} listing every failing path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromParseError = (subject: string, error: ParseResult.ParseError | ParseResult.ParseIssue): DecodeError =>
  new DecodeError({
    subject,
    issues: (ParseResult.isParseError(error)
      ? ParseResult.ArrayFormatter.formatErrorSync(error)
      : ParseResult.ArrayFormatter.formatIssueSync(error)
    ).map((i) => ({
      path: i.path,
      at: formatPath(i.path),
      message: { zh: translate(i._tag, i.message), en: englishOf(i._tag, i.message) },
    })),
  })

/**
 * Decodes unknown data with a schema, reporting every failing path (not just the first) and rejecting
 * unknown fields.
 *
 * @example
 * const result = DecodeError.decode(Enterprise.Enterprise, "enterprise")(json)
 * if (Either.isLeft(result)) console.error(DecodeError.format(result.left, "zh"))
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode =
  <A, I>(schema: Schema.Schema<A, I, never>, subject: string) =>
  (input: unknown): Either.Either<A, DecodeError> =>
    Either.mapLeft(ParseResult.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(input), (e) =>
      fromParseError(subject, e),
    )

/**
 * The error as readable lines: `subject: file:line path — reason`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (error: DecodeError, lang: "zh" | "en"): string => {
  const head =
    lang === "zh"
      ? `${error.subject}：发现 ${error.issues.length} 处问题`
      : `${error.subject}: ${error.issues.length} problem(s)`
  const lines = error.issues.map((i) => {
    const where =
      i.file !== undefined
        ? `${i.file}${i.line !== undefined ? `:${i.line}` : ""}${i.column !== undefined ? `:${i.column}` : ""} `
        : ""
    return `  ${where}${i.at} — ${i.message[lang]}`
  })
  return [head, ...lines].join("\n")
}
