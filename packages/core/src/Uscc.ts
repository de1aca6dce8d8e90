/**
 * The unified social credit code (统一社会信用代码, USCC) of GB 32100-2015: 18 characters,
 * ending in a check character.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
const VALUE: Record<string, number> = Object.fromEntries([...CHARSET].map((c, i) => [c, i]))

/**
 * Why a string is not a valid USCC.
 *
 * @since 0.1.0
 * @category models
 */
export type Problem =
  | { readonly reason: "length"; readonly length: number }
  | { readonly reason: "charset"; readonly position: number; readonly char: string }
  | { readonly reason: "region"; readonly region: string }
  | { readonly reason: "check"; readonly expected: string; readonly actual: string }

/**
 * The check character for the first 17 characters of a USCC.
 *
 * @since 0.1.0
 * @category getters
 */
export const checkCharacter = (body17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (VALUE[body17[i] ?? ""] ?? 0) * WEIGHTS[i]!
  const c = (31 - (sum % 31)) % 31
  return CHARSET[c]!
}

/**
 * Checks a string against GB 32100-2015 and says what is wrong, or `undefined` if it is a valid USCC.
 * Lower-case letters are not accepted: the standard uses upper case only.
 *
 * @since 0.1.0
 * @category validation
 */
export const problem = (s: string): Problem | undefined => {
  if (s.length !== 18) return { reason: "length", length: s.length }
  for (let i = 0; i < 18; i++) {
    const ch = s[i]!
    if (VALUE[ch] === undefined) return { reason: "charset", position: i + 1, char: ch }
  }
  const region = s.slice(2, 8)
  if (!/^\d{6}$/.test(region)) return { reason: "region", region }
  const expected = checkCharacter(s.slice(0, 17))
  if (expected !== s[17]) return { reason: "check", expected, actual: s[17]! }
  return undefined
}

/**
 * A sentence in Chinese and English explaining a USCC problem.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (p: Problem): { readonly zh: string; readonly en: string } => {
  switch (p.reason) {
    case "length":
      return {
        zh: `统一社会信用代码应为18位，实际为${p.length}位`,
        en: `a USCC has 18 characters, this one has ${p.length}`,
      }
    case "charset":
      return {
        zh: `第${p.position}位字符“${p.char}”不是统一社会信用代码允许的字符（数字及除I、O、Z、S、V以外的大写字母）`,
        en: `character ${p.position} "${p.char}" is not allowed in a USCC (digits and upper-case letters except I, O, Z, S, V)`,
      }
    case "region":
      return {
        zh: `第3至8位应为行政区划代码（6位数字），实际为“${p.region}”`,
        en: `characters 3–8 must be a 6-digit region code, got "${p.region}"`,
      }
    case "check":
      return {
        zh: `校验码错误：第18位应为“${p.expected}”，实际为“${p.actual}”`,
        en: `wrong check character: character 18 should be "${p.expected}", got "${p.actual}"`,
      }
  }
}

/**
 * Whether a string is a valid USCC.
 *
 * @since 0.1.0
 * @category guards
 */
export const isValid = (s: string): boolean => problem(s) === undefined

/**
 * A valid USCC. Decoding fails with the reason (length, character set, region code or check character).
 *
 * @example
 * Schema.decodeUnknownSync(Uscc.Uscc)("91500000MA5U7AQX3X") // throws if the check character is wrong
 *
 * @since 0.1.0
 * @category schemas
 */
export const Uscc = Schema.String.pipe(
  Schema.filter((s) => {
    const p = problem(s)
    if (p === undefined) return true
    const d = describe(p)
    return `${d.zh} / ${d.en}`
  }),
  Schema.brand("Uscc"),
  Schema.annotations({
    identifier: "Uscc",
    title: "统一社会信用代码",
    description: "Unified social credit code (GB 32100-2015), 18 characters with a check character",
    jsonSchema: { type: "string", pattern: "^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$" },
  }),
)

/**
 * @since 0.1.0
 * @category models
 */
export type Uscc = typeof Uscc.Type

/**
 * Completes a 17-character body with its check character — for fixtures and synthetic data.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromBody = (body17: string): Uscc => (body17 + checkCharacter(body17)) as Uscc
