// Output language: every message the CLI prints exists in Chinese and English.
import type { Locale } from "@srdi/core"

export type Lang = Locale.Lang

export const pickLang = (value: string | undefined): Lang => {
  if (value === "zh" || value === "en") return value
  if (value !== undefined) throw new UsageError(`--lang must be zh or en, got "${value}" / --lang 只能是 zh 或 en`)
  return "zh"
}

/** A sentence in both languages, chosen at print time. */
export const say = (lang: Lang, zh: string, en: string): string => (lang === "zh" ? zh : en)

/** Wrong arguments: exit code 2. */
export class UsageError extends Error {
  readonly _tag = "UsageError"
}

/** Exit codes, documented in --help and docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** The command ran and found problems: invalid pack, failing tests, bad rows. */
  problems: 1,
  /** Wrong arguments. */
  usage: 2,
  /** A file could not be read or written. */
  io: 3,
} as const
