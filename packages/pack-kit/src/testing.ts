/**
 * `@srdi/pack-kit/testing` — what a pack's own vitest tests share: loading the pack with file:line errors, finding
 * the packs it extends, reading the source documents its citations quote, and checking each quote is verbatim.
 *
 * @since 0.1.0
 */
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { Citation, DecodeError, type Pack } from "@srdi/core"
import { Either } from "effect"
import { type Loaded, loadPackDir, loadResolved, resolvePackDir } from "./load.js"

/**
 * Options of {@link packFixture}.
 *
 * @since 0.1.0
 * @category models
 */
export interface PackFixtureOptions {
  /** The folder holding `seeds/` and `reference/`; defaults to env `SRDI_SOURCES`, else the monorepo's `shared/`. */
  readonly sources?: string
}

/**
 * The helpers {@link packFixture} gives a pack's tests, bound to the pack's folder.
 *
 * @since 0.1.0
 * @category models
 */
export interface PackFixture {
  /** The pack's folder: the one above the test file's folder. */
  readonly packDir: string
  /** The folder holding the source documents (`seeds/`, `reference/`). */
  readonly sourcesDir: string
  /** Whether the source documents are there to read; a published tarball has none, so verbatim checks skip on it. */
  readonly haveSources: boolean
  /** Loads a pack folder as its own layer; a decode error throws with its file:line messages. */
  readonly load: (dir?: string) => Promise<Pack.Pack>
  /** Loads a pack folder with the packs it extends; a decode or reference problem throws with its file:line messages. */
  readonly loadResolved: (dir?: string) => Promise<Loaded>
  /** The folder of the installed pack `@srdi/pack-<id>`, found the way `extends` is resolved. */
  readonly installedPackDir: (id: string) => string
  /** The text of a cited source: a file name under `seeds/`, or a path such as `reference/x.md` under the folder. */
  readonly sourceText: (source: string) => string
  /** Whether a citation's text occurs in its source, runs of whitespace (line wrapping) counting as one space. */
  readonly isVerbatim: (cite: Citation.Citation) => boolean
  /** Every citation anywhere inside a value, with its path: {@link Citation.collect}. */
  readonly citations: typeof Citation.collect
}

const throwDecodeError = (error: DecodeError.DecodeError): never => {
  throw new Error(DecodeError.format(error, "en"))
}

// Line wrapping in the Markdown reference must not hide a sentence; Chinese seeds are unaffected.
const squash = (s: string): string => s.replace(/\s+/g, " ").trim()

/**
 * The test helpers of the pack whose test file calls it with its `import.meta.url`. The pack's folder is the one
 * above the test file's folder; source documents come from `options.sources`, env `SRDI_SOURCES`, or `shared/`
 * four levels above the pack (where the monorepo keeps them).
 *
 * @example
 * // test/pack-fixture.ts
 * import { packFixture } from "@srdi/pack-kit/testing"
 * export const { citations, haveSources, isVerbatim, load, packDir } = packFixture(import.meta.url)
 *
 * // test/clauses.test.ts
 * it.skipIf(!haveSources)("quotes its sources verbatim", async () => {
 *   const pack = await load()
 *   expect(citations(pack).filter(({ cite }) => !isVerbatim(cite)).map(({ at }) => at)).toEqual([])
 * })
 *
 * @since 0.1.0
 * @category constructors
 */
export const packFixture = (importMetaUrl: string, options: PackFixtureOptions = {}): PackFixture => {
  const testFile = importMetaUrl.startsWith("file:") ? fileURLToPath(importMetaUrl) : path.resolve(importMetaUrl)
  const packDir = path.resolve(path.dirname(testFile), "..")
  const fromEnv = process.env["SRDI_SOURCES"]
  const sourcesDir = path.resolve(
    options.sources ??
      (fromEnv !== undefined && fromEnv !== "" ? fromEnv : path.join(packDir, "..", "..", "..", "..", "shared")),
  )
  const haveSources = existsSync(path.join(sourcesDir, "seeds")) || existsSync(path.join(sourcesDir, "reference"))

  const texts = new Map<string, string>()
  const sourceText = (source: string): string => {
    const cached = texts.get(source)
    if (cached !== undefined) return cached
    const file = path.join(sourcesDir, source.includes("/") ? source : path.join("seeds", source))
    if (!existsSync(file))
      throw new Error(
        `找不到引用的来源文件 ${source}（${file}）；请设置 SRDI_SOURCES 为含 seeds/ 与 reference/ 的目录 / ` +
          `cited source ${source} not found at ${file}; set SRDI_SOURCES to the folder holding seeds/ and reference/`,
      )
    const text = readFileSync(file, "utf8")
    texts.set(source, text)
    return text
  }

  return {
    packDir,
    sourcesDir,
    haveSources,
    load: async (dir = packDir) => Either.getOrElse(await loadPackDir(dir), throwDecodeError),
    loadResolved: async (dir = packDir) => Either.getOrElse(await loadResolved(dir), throwDecodeError),
    installedPackDir: (id) => {
      const found = resolvePackDir(id, packDir)
      if (found === undefined)
        throw new Error(
          `从 ${packDir} 找不到包 @srdi/pack-${id}（请将其加入 package.json 的 dependencies 或 devDependencies） / ` +
            `cannot find package @srdi/pack-${id} from ${packDir} (add it to dependencies or devDependencies in package.json)`,
        )
      return found
    },
    sourceText,
    isVerbatim: (cite) => squash(sourceText(cite.source)).includes(squash(cite.text)),
    citations: Citation.collect,
  }
}
