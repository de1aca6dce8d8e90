/**
 * Loading this pack (and the packs it extends) for the clause tests, and finding the source documents its
 * citations quote.
 */
import { existsSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { type Citation, DecodeError, type Pack } from "@srdi/core"
import { loadPackDir } from "@srdi/pack-kit"

/** This pack's folder. */
export const packDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** The shared folder holding seeds/ and reference/ (present in CI; a published tarball has none). */
export const sharedDir = path.resolve(packDir, "../../../../shared")

/** True when the source documents can be read. */
export const haveSources = existsSync(path.join(sharedDir, "seeds"))

/** Loads a pack folder as its own layer, failing with the decode error's file:line messages. */
export const load = async (dir: string): Promise<Pack.Pack> => {
  const result = await loadPackDir(dir)
  if (result._tag === "Left") throw new Error(DecodeError.format(result.left, "en"))
  return result.right
}

/** The folder of an installed pack `@srdi/pack-<id>`, found the way pack-kit resolves `extends`. */
export const installedPackDir = (id: string): string =>
  path.dirname(createRequire(path.join(packDir, "package.json")).resolve(`@srdi/pack-${id}/package.json`))

/** Every citation anywhere inside a value, with a JSON-ish path to it. */
export const citations = (value: unknown, at = "pack"): ReadonlyArray<{ at: string; cite: Citation.Citation }> => {
  if (Array.isArray(value)) return value.flatMap((v, i) => citations(v, `${at}[${i}]`))
  if (typeof value !== "object" || value === null) return []
  const record = value as Record<string, unknown>
  const own =
    typeof record["source"] === "string" && typeof record["clause"] === "string" && typeof record["text"] === "string"
      ? [{ at, cite: record as unknown as Citation.Citation }]
      : []
  return [...own, ...Object.entries(record).flatMap(([k, v]) => citations(v, `${at}.${k}`))]
}

/** The text of a cited source: a seed file name, or a path under the shared folder such as reference/…. */
export const sourceText = (source: string): string =>
  readFileSync(path.join(sharedDir, source.includes("/") ? source : path.join("seeds", source)), "utf8")

// Line wrapping in the Markdown reference must not hide a sentence; Chinese seeds are unaffected.
const squash = (s: string): string => s.replace(/\s+/g, " ").trim()

/** Whether a citation's text occurs verbatim (up to line wrapping) in its source. */
export const isVerbatim = (cite: Citation.Citation): boolean =>
  squash(sourceText(cite.source)).includes(squash(cite.text))
