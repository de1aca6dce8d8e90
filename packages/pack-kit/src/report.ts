/**
 * Problems and test results as the lines `srdi-pack` prints: `file:line path — reason`.
 */
import type { DecodeError, Locale } from "@srdi/core"
import type { LocatedResult } from "./test-pack.js"

/**
 * One line per problem: `file:line path — reason` (the file and line where known).
 */
export const formatIssues = (error: DecodeError.DecodeError, lang: Locale.Lang): ReadonlyArray<string> => [
  lang === "zh"
    ? `${error.subject}：发现 ${error.issues.length} 处问题`
    : `${error.subject}: ${error.issues.length} problem(s)`,
  ...error.issues.map((i) => {
    const where = i.file === undefined ? "" : `${i.file}${i.line === undefined ? "" : `:${i.line}`} `
    return `${where}${i.at} — ${i.message[lang]}`
  }),
]

/**
 * One line per test case, and a summary.
 */
export const formatResults = (results: ReadonlyArray<LocatedResult>, lang: Locale.Lang): ReadonlyArray<string> => {
  const failed = results.filter((r) => !r.ok).length
  return [
    ...results.map((r) => {
      const where = r.file === undefined ? "" : ` (${r.file}${r.line === undefined ? "" : `:${r.line}`})`
      return r.ok ? `✓ ${r.name}` : `✗ ${r.name}${where} — ${r.message[lang]}`
    }),
    lang === "zh"
      ? `${results.length} 个用例，${results.length - failed} 个通过，${failed} 个失败`
      : `${results.length} case(s), ${results.length - failed} passed, ${failed} failed`,
  ]
}
